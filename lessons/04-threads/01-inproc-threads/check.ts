import { bodyTexts, defineCheck, expectFinished, type SocketView } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const pairs = trace.sockets("PAIR");
  const links = trace.edges().filter((e) => e.endpoint.startsWith("inproc://") && trace.socket(e.from)?.kind === "PAIR" && trace.socket(e.to)?.kind === "PAIR");
  expect("Two PAIR sockets over inproc", links.length > 0, "Bind one zmq.Pair to an inproc:// endpoint and connect another one to it.");
  const apart = links.filter((e) => trace.socket(e.from)!.thread !== trace.socket(e.to)!.thread);
  expect("The PAIRs live in different threads", apart.length > 0,
    links.length === 0 ? "No two PAIRs are connected yet." : "The connected PAIR sockets are both in one thread; create the worker's socket inside worker.ts.");
  const mains = pairs.filter((s) => s.thread === 0 && apart.some((e) => e.from === s.id || e.to === s.id));
  const answered = (main: SocketView) => main.sent.filter((sent) => {
    const word = bodyTexts(sent)[0] ?? "";
    return word !== "STOP" && main.received.some((r) => r.from !== undefined && trace.socket(r.from)?.thread !== 0 && r.t >= sent.t && bodyTexts(r)[0] === word.toUpperCase());
  }).length;
  const replies = Math.max(0, ...mains.map(answered));
  expect("The worker answered", replies >= 3,
    `${replies} of the words main sent came back upper-cased from the worker thread. inproc only works within one context: let the worker use the shared default context.`,
    `${replies} words came back upper-cased from the worker.`);
  expectFinished(trace, expect);
});
