import { count, defineCheck, expectFinished, receivedFrom } from "../../../server/lessons/check-kit.js";

const LIMIT = 100;
const mark = (options: Record<string, unknown>, name: string) => (typeof options[name] === "number" ? (options[name] as number) : undefined);

export default defineCheck((trace, expect) => {
  const pubs = trace.sockets("PUB").filter((p) => p.sent.length > 0);
  const subs = trace.sockets("SUB").filter((s) => receivedFrom([s], pubs).length > 0);
  const send = pubs.map((p) => mark(p.options, "sendHighWaterMark"));
  const receive = subs.map((s) => mark(s.options, "receiveHighWaterMark"));
  const bounded = (v: number | undefined) => v !== undefined && v > 0 && v <= LIMIT;
  expect("Both high-water marks are set", pubs.length > 0 && subs.length > 0 && send.every(bounded) && receive.every(bounded),
    `The publisher's sendHighWaterMark is ${send[0] ?? "the default 1000"} and the subscriber's receiveHighWaterMark is ${receive[0] ?? "the default 1000"}; set both to at most ${LIMIT}, before bind and connect.`,
    `sendHighWaterMark ${send.join(", ")}, receiveHighWaterMark ${receive.join(", ")}.`);
  const sent = pubs.reduce((n, p) => n + p.totals.sent, 0);
  const got = subs.reduce((n, s) => n + s.totals.received, 0);
  const queue = Math.max(...send.map((v) => v ?? 1000)) + Math.max(...receive.map((v) => v ?? 1000));
  expect("The publisher dropped at the mark", sent > queue && got < sent,
    sent <= queue ? `The publisher sent ${count(sent, "tick")}, which fit in a queue of ${queue}: send the whole burst of ticks so the queue fills.`
      : `The subscriber received all ${sent} ticks: the queue never filled. Keep the publisher fast and the subscriber slow.`,
    `${sent} ticks published, ${got} received: the rest were dropped at the high-water mark instead of piling up in memory.`);
  expectFinished(trace, expect);
});
