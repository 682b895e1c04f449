import { bodyTexts, count, defineCheck, expectFinished, receivedFrom, type TraceView } from "../../../server/lessons/check-kit.js";
import type { SocketKind } from "../../../protocol/trace.js";

/** Messages of one channel (recognised by what they say) that reached its own `to` socket from a `from` socket. */
function channel(trace: TraceView, word: string, from: SocketKind[], to: SocketKind[]) {
  const said = (m: { body: string[] }) => (m.body[0] ?? "").startsWith(word);
  const senders = trace.sockets(...from).filter((s) => s.sent.some(said));
  // Each channel has a receiver of its own: one that hears only this channel's messages.
  const own = trace.sockets(...to).filter((s) => s.received.length > 0 && s.received.every((m) => said(m)));
  const arrived = receivedFrom(own, senders).filter((m) => bodyTexts(m)[0]?.startsWith(word));
  return { senders, arrived: arrived.length };
}

export default defineCheck((trace, expect) => {
  const weather = channel(trace, "weather", ["PUB", "XPUB"], ["SUB", "XSUB"]);
  expect("Display: weather arrives", weather.arrived >= 3,
    `The display received ${count(weather.arrived, "weather report")}. A SUB socket receives nothing until it subscribes: call display.subscribe().`);
  const jobs = channel(trace, "job", ["PUSH"], ["PULL"]);
  expect("Jobs: the dispatcher reaches the worker", jobs.arrived >= 3,
    "The worker received no jobs: the dispatcher connects to an endpoint where nothing is bound. Connect it to the worker's endpoint.");
  const pubToPull = trace.edges().some((e) => {
    const kinds = [trace.socket(e.from)?.kind, trace.socket(e.to)?.kind];
    return kinds.includes("PUB") && kinds.includes("PULL");
  });
  expect("Logs: socket types match", !pubToPull, "A PUB socket is connected to the PULL log sink: PUB and PULL are not counterparts. Make the log source a Push.");
  const logs = channel(trace, "log line", ["PUSH"], ["PULL"]);
  expect("Logs: lines reach the sink", logs.arrived >= 3, `The log sink received ${count(logs.arrived, "line")}.`);
  const alarms = trace.sockets("PUSH").filter((s) => s.sent.some((m) => (m.body[0] ?? "").startsWith("alert")));
  const alertLinked = trace.edges().some((e) => alarms.some((a) => a.id === e.from || a.id === e.to));
  expect("Alerts: one side binds", alertLinked,
    "The alarm and the pager both connect, so they never meet. The pager is the stable side: bind it.");
  const alerts = channel(trace, "alert", ["PUSH"], ["PULL"]);
  expect("Alerts: the pager is paged", alerts.arrived >= 3, `The pager received ${count(alerts.arrived, "alert")}.`);
  expectFinished(trace, expect);
});
