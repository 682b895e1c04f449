import * as zmq from "zeromq";

interface Reading {
  sensor: string;
  celsius: number;
  at: string;
}

const collector = new zmq.Pull({ receiveTimeout: 300 });
await collector.bind("tcp://127.0.0.1:5580");
const sensor = new zmq.Push();
sensor.connect("tcp://127.0.0.1:5580");

for (let i = 0; i < 3; i++) {
  const reading: Reading = { sensor: "sensor-7", celsius: 20 + i / 2, at: new Date(0).toISOString() };
  await sensor.send([reading.sensor, `${JSON.stringify({ sensor: reading.sensor })} celsius=${reading.celsius}`]);
}

for (let i = 0; i < 3; i++) {
  const frames = await collector.receive();
  console.log(`${frames.length} frame(s):`, frames.map((f) => `${f.length} bytes "${f}"`).join(", "));
}

sensor.close();
collector.close();
