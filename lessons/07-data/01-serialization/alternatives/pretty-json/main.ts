import * as zmq from "zeromq";

interface Reading {
  sensor: string;
  celsius: number;
  at: string;
}

const encode = (r: Reading) => [r.sensor, JSON.stringify({ at: r.at, celsius: r.celsius, sensor: r.sensor }, null, 2)];
const decode = (frames: Buffer[]) => JSON.parse(frames[1].toString()) as Reading;

const collector = new zmq.Pull();
await collector.bind("inproc://readings");
const sensor = new zmq.Push();
sensor.connect("inproc://readings");
for (let i = 0; i < 3; i++) await sensor.send(encode({ sensor: "sensor-7", celsius: 20 + i / 2, at: new Date(0).toISOString() }));
for (let i = 0; i < 3; i++) console.log(decode(await collector.receive()));
sensor.close();
collector.close();
