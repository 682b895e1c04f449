const zmq = require("zeromq");
const { Broker } = require("./broker");
const { Worker } = require("./worker");

const ADDRESS = "tcp://127.0.0.1:27150";

async function request(client, service, body) {
  await client.send(["MDPC01", service, body]);
  const [, reply] = await client.receive();
  return `${service}: ${reply}`;
}

async function main() {
  const broker = new Broker(ADDRESS);
  const running = [broker.start()];
  const workers = [
    new Worker(ADDRESS, "soup", ([order]) => [`${order} soup`]),
    new Worker(ADDRESS, "tea", ([order]) => [`${order} tea`]),
    new Worker(ADDRESS, "tea", ([order]) => [`${order} tea`]),
  ];
  running.push(...workers.map((w) => w.start()));
  const client = new zmq.Request();
  client.connect(ADDRESS);
  for (const [service, order] of [
    ["tea", "green"],
    ["soup", "tomato"],
    ["tea", "black"],
    ["soup", "onion"],
    ["tea", "mint"],
  ]) {
    console.log(await request(client, service, order));
  }
  client.close();
  // Every worker's last READY has reached the broker: nothing is left queued when they close.
  await broker.readyCount(workers.length + 5);
  for (const w of workers) w.stop();
  broker.stop();
  await Promise.all(running);
  console.log("all stopped");
}

main();
