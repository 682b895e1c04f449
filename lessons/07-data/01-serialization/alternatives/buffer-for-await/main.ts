import * as zmq from "zeromq";

interface Reading {
  sensor: string;
  celsius: number;
  at: string;
}

const collector = new zmq.Pull();
await collector.bind("tcp://127.0.0.1:7580");
const sensor = new zmq.Push();
sensor.connect("tcp://127.0.0.1:7580");

for (const celsius of [20, 20.5, 21]) {
  const reading: Reading = { sensor: "sensor-7", celsius, at: new Date(0).toISOString() };
  await sensor.send([reading.sensor, Buffer.from(JSON.stringify(reading), "utf8")]);
}
let n = 0;
for await (const [name, body] of collector) {
  console.log(name.toString(), (JSON.parse(body.toString("utf8")) as Reading).celsius);
  if (++n === 3) break;
}
sensor.close();
collector.close();
