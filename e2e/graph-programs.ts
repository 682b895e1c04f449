// Programs the graph specs and screenshots run: a ROUTER/DEALER broker, and a 60-socket mix of patterns.

/** A broker in one file: two REQ clients → ROUTER frontend | DEALER backend → three REP workers. */
export const BROKER = `import * as zmq from "zeromq";

const frontend = new zmq.Router();
await frontend.bind("inproc://frontend");
const backend = new zmq.Dealer();
await backend.bind("inproc://backend");
const relay = async (from: zmq.Router | zmq.Dealer, to: zmq.Router | zmq.Dealer) => {
  try { for (;;) await to.send(await from.receive()); } catch { /* closed */ }
};
const relaying = [relay(frontend, backend), relay(backend, frontend)];

const workers = [1, 2, 3].map((i) => {
  const worker = new zmq.Reply();
  worker.connect("inproc://backend");
  (async () => {
    try { for (;;) { const [job] = await worker.receive(); await worker.send(job + " done by worker " + i); } } catch { /* closed */ }
  })();
  return worker;
});
const clients = [1, 2].map(() => {
  const client = new zmq.Request();
  client.connect("inproc://frontend");
  return client;
});
for (let n = 0; n < 4; n++) {
  for (const [i, client] of clients.entries()) {
    await client.send("job " + n + " from client " + (i + 1));
    const [reply] = await client.receive();
    console.log(String(reply));
  }
  await new Promise((r) => setTimeout(r, 300));
}
for (const s of [...clients, ...workers, frontend, backend]) s.close();
await Promise.all(relaying);
`;

/**
 * Sixty sockets: 20 REQ clients and 20 REP workers around a ROUTER/DEALER queue (42), a PUB with 7 SUBs (8),
 * and 9 PUSHes into one PULL (10). Runs for `seconds`, so the graph can be looked at while live.
 */
export const SIXTY = (seconds: number) => `import * as zmq from "zeromq";

const frontend = new zmq.Router();
await frontend.bind("inproc://frontend");
const backend = new zmq.Dealer();
await backend.bind("inproc://backend");
const relay = async (from: zmq.Router | zmq.Dealer, to: zmq.Router | zmq.Dealer) => {
  try { for (;;) await to.send(await from.receive()); } catch { /* closed */ }
};
relay(frontend, backend); relay(backend, frontend);
const workers = Array.from({ length: 20 }, () => {
  const w = new zmq.Reply();
  w.connect("inproc://backend");
  (async () => { try { for (;;) { const [m] = await w.receive(); await w.send(m); } } catch { /* closed */ } })();
  return w;
});
const clients = Array.from({ length: 20 }, () => { const c = new zmq.Request(); c.connect("inproc://frontend"); return c; });

const news = new zmq.Publisher();
await news.bind("inproc://news");
const readers = Array.from({ length: 7 }, () => { const s = new zmq.Subscriber(); s.connect("inproc://news"); s.subscribe(""); return s; });
readers.forEach((s) => (async () => { try { for (;;) await s.receive(); } catch { /* closed */ } })());

const sink = new zmq.Pull();
await sink.bind("inproc://sink");
const feeders = Array.from({ length: 9 }, () => { const p = new zmq.Push(); p.connect("inproc://sink"); return p; });
(async () => { try { for (;;) await sink.receive(); } catch { /* closed */ } })();

const until = Date.now() + ${seconds * 1000};
for (let n = 0; Date.now() < until; n++) {
  await Promise.all(clients.map(async (c, i) => { await c.send("job " + n + "/" + i); await c.receive(); }));
  await news.send("tick " + n);
  await Promise.all(feeders.map((p) => p.send("part " + n)));
  await new Promise((r) => setTimeout(r, 200));
}
for (const s of [...clients, ...workers, ...readers, ...feeders, news, sink, frontend, backend]) s.close();
`;
