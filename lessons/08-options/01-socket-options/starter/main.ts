import * as zmq from "zeromq";

// Every socket waits up to 2 s at close() for messages it could not deliver yet.
const defaults = { linger: 2000 };

const collector = new zmq.Router({ ...defaults });
await collector.bind("tcp://127.0.0.1:*");
console.log("collector bound to", collector.lastEndpoint);

const names = ["sensor-1", "sensor-2"];
const sensors = names.map(() => new zmq.Dealer({ ...defaults }));
for (const sensor of sensors) {
  sensor.connect(collector.lastEndpoint!);
}

// Readings are also archived, but the archive server is down today.
const archive = new zmq.Push({ ...defaults, sendHighWaterMark: 10 });
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
