import * as zmq from "zeromq";

const ENDPOINT = "tcp://127.0.0.1:5595";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const client = new zmq.Dealer({ routingId: "client-7", linger: 0 });
const events = new zmq.Observer(client); // before connect(), or the first events are missed
events.on("connect:retry", (e) => console.log(`client: retry in ${e.interval} ms`));
events.on("handshake", (e) => console.log(`client: connected to ${e.address}`));
events.on("disconnect", (e) => console.log(`client: lost ${e.address}`));

client.connect(ENDPOINT);
await client.send("hello, I am client-7"); // register with the server

/** One life of the server: bind, wait for a client to register, then die. */
async function serverLife(life: number) {
  // The timeout only ends a life in which nobody registers.
  const server = new zmq.Router({ receiveTimeout: 3000 });
  await server.bind(ENDPOINT);
  try {
    const [id, text] = await server.receive();
    console.log(`server (life ${life}): ${id} says "${text}"`);
  } catch (err) {
    if ((err as { code?: string }).code !== "EAGAIN") throw err;
    console.log(`server (life ${life}): nobody registered in 3 s`);
  }
  server.close();
}

await sleep(150);   // the server is not up yet: the client retries
await serverLife(1);
await sleep(150);   // the server crashed; it restarts
const second = new zmq.Dealer({ routingId: "client-7", linger: 0 });
second.connect(ENDPOINT);
await second.send("hello, I am client-7");
await serverLife(2);
second.close();

client.close(); // also ends its Observer
