import { bodyTexts, count, defineCheck, expectFinished, frameText, receivedFrom, type MessageView } from "../../../server/lessons/check-kit.js";

const last = (m: MessageView) => frameText(m.frames[m.frames.length - 1]);

export default defineCheck((trace, expect) => {
  const ins = trace.sockets("ROUTER").filter((s) => s.binds.length > 0);
  const outs = trace.sockets("DEALER").filter((s) => s.binds.length > 0);
  const mons = trace.sockets("PUB").filter((s) => s.binds.length > 0);
  const queue = [...ins, ...outs, ...mons];
  expect("The queue runs in its own process", ins.length > 0 && outs.length > 0 && mons.length > 0 && queue.every((s) => s.process !== undefined),
    queue.length < 3 ? "Start a monitored queue: a ROUTER for clients, a DEALER for workers and a PUB monitor."
      : `${queue.filter((s) => s.process === undefined).map((s) => s.label).join(", ")} live${queue.length === 1 ? "s" : ""} in the program's own process. Start the queue with ProcessMonitoredQueue, which makes its sockets in a child process.`,
    "The queue's three sockets live in a child process.");
  const jobs = trace.sockets("REQ").flatMap((c) => c.sent.map((m) => ({ c, text: bodyTexts(m).join(" ") }))).filter((j) => j.text.startsWith("job"));
  const worked = trace.sockets("REP").flatMap((r) => r.received.map((m) => ({ text: bodyTexts(m).join(" "), t: m.t })));
  const answered = jobs.filter(({ c, text }) => {
    const work = worked.find((w) => w.text === text);
    return work && c.received.some((r) => r.t >= work.t && bodyTexts(r).join(" ") === `${text} done`);
  });
  expect("Every job is answered by the worker", jobs.length >= 3 && answered.length === jobs.length,
    jobs.length < 3 ? `The client sent ${count(jobs.length, "job")}; keep its three jobs.`
      : `${answered.length} of the ${count(jobs.length, "job")} went through the queue to the worker and came back answered.`, `${jobs.length} jobs answered.`);
  const moved = [...ins, ...outs].flatMap((s) => s.received).map(last);
  const copies = mons.flatMap((s) => s.sent);
  const madeUp = copies.filter((m) => !moved.includes(last(m)));
  const uncopied = jobs.flatMap((j) => [j.text, `${j.text} done`]).filter((text) => !copies.some((m) => last(m) === text));
  expect("The monitor copies what the queue moved", copies.length > 0 && madeUp.length === 0 && uncopied.length === 0,
    madeUp.length > 0 ? `The monitor published "${last(madeUp[0])}", which the queue never moved. A monitored queue publishes each message it forwards, with its prefix.`
      : `${count(uncopied.length, "message")} the queue moved had no copy on the monitor (e.g. "${uncopied[0] ?? "-"}").`,
    `${copies.length} copies, each of a message the queue moved.`);
  const heard = receivedFrom(trace.sockets("SUB"), mons).length;
  expect("The hub hears the monitor", heard > 0, "The hub received nothing from the monitor; connect it to the monitor's endpoint and subscribe to the prefixes.");
  expectFinished(trace, expect);
});
