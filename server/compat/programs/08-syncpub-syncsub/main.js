// Node coordination: the publisher waits until every subscriber has synchronized over REQ/REP (and its
// subscription has arrived) before it publishes, so nothing is lost to the slow joiner.
const zmq = require("zeromq");

const SUBSCRIBERS = 3;
const UPDATES = 10;

async function publisher() {
  const pub = new zmq.XPublisher({ verbosity: "allSubs" });
  await pub.bind("tcp://127.0.0.1:27080");
  const sync = new zmq.Reply();
  await sync.bind("tcp://127.0.0.1:27081");
  for (let i = 0; i < SUBSCRIBERS; i++) {
    await sync.receive();
    await sync.send("");
  }
  for (let i = 0; i < SUBSCRIBERS; i++) await pub.receive();
  console.log("Broadcasting messages");
  for (let i = 0; i < UPDATES; i++) await pub.send("Rhubarb");
  await pub.send("END");
  pub.close();
  sync.close();
}

async function subscriber() {
  const sub = new zmq.Subscriber();
  sub.connect("tcp://127.0.0.1:27080");
  sub.subscribe("");
  const sync = new zmq.Request();
  sync.connect("tcp://127.0.0.1:27081");
  await sync.send("");
  await sync.receive();
  let updates = 0;
  while (String((await sub.receive())[0]) !== "END") updates++;
  sub.close();
  sync.close();
  return updates;
}

Promise.all([publisher(), ...Array.from({ length: SUBSCRIBERS }, subscriber)]).then(([, ...counts]) => {
  console.log(`Received ${counts.join(", ")} updates`);
});
