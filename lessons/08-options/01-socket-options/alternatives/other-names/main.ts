import * as zmq from "zeromq";

zmq.context.blocky = false;
const collector = new zmq.Router();
await collector.bind("tcp://127.0.0.1:*");
const sensors = ["roof", "cellar", "garden"].map((name) => {
  const sensor = new zmq.Dealer();
  sensor.routingId = name;
  sensor.connect(collector.lastEndpoint!);
  return sensor;
});
const archive = new zmq.Push();
archive.connect("ipc:///tmp/archive");
for (const sensor of sensors) {
  await sensor.send("19 °C");
  await archive.send(`${sensor.routingId}: 19 °C`);
}
for (const _ of sensors) console.log((await collector.receive()).map(String).join(": "));
for (const socket of [...sensors, archive, collector]) socket.close();
