// The busy program the browser benchmarks run: PUSH/PULL pairs sending at a paced rate for a few seconds.

export const RUN_SECONDS = 4;

/** `pairs` PUSH/PULL pairs (2 × pairs sockets) sending `rate` messages a second in all, paced in 10 ms ticks. */
export const busyProgram = (rate: number, pairs: number) => `import * as zmq from "zeromq";
const PAIRS = ${pairs}, PER_TICK = ${Math.max(1, Math.round(rate / pairs / 100))};
const pairs = [];
for (let i = 0; i < PAIRS; i++) {
  const pull = new zmq.Pull({ receiveTimeout: 500 });
  await pull.bind("inproc://p" + i);
  const push = new zmq.Push({ sendTimeout: 500 });
  push.connect("inproc://p" + i);
  pairs.push({ push, pull });
}
const draining = pairs.map(async ({ pull }) => { try { for (;;) await pull.receive(); } catch {} });
const until = Date.now() + ${RUN_SECONDS * 1000};
while (Date.now() < until) {
  const tick = Date.now();
  await Promise.all(pairs.map(async ({ push }) => { for (let k = 0; k < PER_TICK; k++) await push.send("m"); }));
  await new Promise((r) => setTimeout(r, Math.max(0, 10 - (Date.now() - tick))));
}
await Promise.all(draining);
for (const { push, pull } of pairs) { push.close(); pull.close(); }
`;
