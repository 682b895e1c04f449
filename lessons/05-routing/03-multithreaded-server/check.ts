import { bodyTexts, count, defineCheck, expectFinished, peersOf } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const clients = trace.sockets("REQ");
  expect("Clients reach a ROUTER", clients.length > 0 && trace.linked("REQ", "ROUTER"), "Bind a zmq.Router for the clients' REQ sockets to connect to.");
  const reps = trace.sockets("REP");
  const threaded = reps.filter((r) => r.thread !== 0 && r.connects.some((e) => e.startsWith("inproc://")) && peersOf(trace, r).some((p) => p.kind === "DEALER"));
  expect("Workers are threads behind the DEALER", threaded.length >= 2,
    reps.length === 0 ? "No REP worker exists yet. In worker.ts, connect a zmq.Reply to the DEALER's inproc endpoint, and start worker.ts in worker threads."
      : `${count(threaded.length, "REP worker")} live${threaded.length === 1 ? "s" : ""} in a worker thread connected over inproc to the DEALER. Create each worker's socket inside worker.ts, run by new Worker(...).`,
    `${threaded.length} worker threads, each with its REP behind the DEALER.`);
  const seen = threaded.flatMap((r) => r.received.map((m) => ({ text: bodyTexts(m).join(" "), t: m.t, socket: r.id })));
  const requests = clients.flatMap((c) => c.sent.map((m) => ({ c, text: bodyTexts(m).join(" ") })));
  const answered = requests.filter(({ c, text }) => {
    const work = seen.find((w) => w.text === text);
    return work && c.received.some((r) => r.t >= work.t && bodyTexts(r).join(" ").includes(text));
  });
  expect("Every request is answered by a worker thread", requests.length >= 8 && answered.length === requests.length,
    requests.length < 8 ? `The clients sent ${count(requests.length, "request")}; keep the four clients and their two requests each.`
      : `${answered.length} of the ${count(requests.length, "request")} reached a worker thread and came back answered. Queue the ROUTER to the DEALER both ways.`,
    `${requests.length} requests, each answered by a worker thread.`);
  const busy = new Set(seen.map((w) => w.socket)).size;
  expect("The work is spread over the threads", busy >= 2, `${count(busy, "thread")} did any work; start the clients once every worker is ready.`, `${busy} threads shared the work.`);
  expectFinished(trace, expect);
});
