import * as zmq from "zeromq";

const collector = new zmq.Router({ linger: 0 });
await collector.bind("tcp://127.0.0.1:*");
const sensors = ["sensor-1", "sensor-2"].map((routingId) => new zmq.Dealer({ routingId, linger: 0 }));
for (const sensor of sensors) sensor.connect(collector.lastEndpoint!);
const archive = new zmq.Push({ linger: 0, sendHighWaterMark: 10 });
archive.connect("tcp://127.0.0.1:5592");
for (const [i, sensor] of sensors.entries()) {
  await sensor.send(`${20 + i}.5 °C`);
  await archive.send(`${sensor.routingId}: ${20 + i}.5 °C`);
}
for (let i = 0; i < sensors.length; i++) {
  const [id, reading] = await collector.receive();
  console.log(`${id}: ${reading}`);
}
for (const socket of [...sensors, archive, collector]) socket.close();
