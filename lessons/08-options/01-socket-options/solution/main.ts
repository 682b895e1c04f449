import * as zmq from "zeromq";

// Context default: every socket created from now on has linger 0.
zmq.context.blocky = false;

const collector = new zmq.Router();
await collector.bind("tcp://127.0.0.1:*");
console.log("collector bound to", collector.lastEndpoint, "linger", collector.linger);

const names = ["sensor-1", "sensor-2"];
const sensors = names.map(() => new zmq.Dealer());
for (const [i, sensor] of sensors.entries()) {
  sensor.routingId = names[i];
  sensor.connect(collector.lastEndpoint!);
}

// Readings are also archived, but the archive server is down today.
const archive = new zmq.Push({ sendHighWaterMark: 10 });
archive.connect("tcp://127.0.0.1:5592");

for (const [i, sensor] of sensors.entries()) {
  await sensor.send(`${20 + i}.5 °C`);
  await archive.send(`${names[i]}: ${20 + i}.5 °C`);
}

for (let i = 0; i < sensors.length; i++) {
  const [id, reading] = await collector.receive();
  console.log(`from ${id.toString("hex")} (${id}): ${reading}`);
}

for (const socket of [...sensors, archive, collector]) socket.close();
