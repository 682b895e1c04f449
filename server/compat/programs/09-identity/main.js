// Identity check: a ROUTER sees an anonymous REQ with a generated routing id and a named one with its own.
const zmq = require("zeromq");

async function dump(socket) {
  const frames = await socket.receive();
  return frames.map((frame, i) => (i === 0 && frame.length === 5 && frame[0] === 0 ? "<generated id, 5 bytes>" : `[${frame.length}] ${frame}`));
}

async function main() {
  const sink = new zmq.Router();
  await sink.bind("inproc://example");
  const anonymous = new zmq.Request();
  anonymous.connect("inproc://example");
  await anonymous.send("ROUTER uses a generated 5 byte identity");
  console.log((await dump(sink)).join("\n"));
  const identified = new zmq.Request({ routingId: "PEER2" });
  identified.connect("inproc://example");
  await identified.send("ROUTER socket uses REQ's socket identity");
  console.log((await dump(sink)).join("\n"));
  for (const s of [sink, anonymous, identified]) s.close();
}

main();
