import { defineCheck } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const pairs = trace.sockets("PAIR");
  const bound = pairs.find((s) => s.binds.some((e) => e.startsWith("inproc://")));
  const peer = pairs.find((s) => s !== bound && s.connects.some((e) => e.startsWith("inproc://")));
  const threads = new Set(pairs.map((s) => s.thread));
  expect("Two PAIR sockets over inproc", Boolean(bound && peer), "Bind one zmq.Pair to inproc://jobs and connect another one to it.");
  expect("One socket per thread", threads.size >= 2,
    "Both PAIR sockets live in one thread; create the worker's socket inside worker.ts.");
  const replies = bound?.received.filter((m) => /^[A-Z]+$/.test(m.texts[0] ?? "")).length ?? 0;
  expect("The worker answered", replies >= 3,
    `The main thread received ${replies} of 3 replies. inproc only works within one context: let the worker use the shared default context.`,
    "Three upper-cased replies came back.");
  expect("The program finished cleanly", trace.ok, `The run ended: ${trace.exit?.message ?? "it did not finish"}`);
});
