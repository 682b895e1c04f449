import { defineCheck } from "../../../server/lessons/check-kit.js";
import type { SocketView, TraceView } from "../../../server/lessons/check-kit.js";

const port = (s: SocketView) => [...s.binds, ...s.connects].map((e) => /:(\d+)$/.exec(e)?.[1]).find(Boolean);

function receiverOn(trace: TraceView, p: string, kind: "SUB" | "PULL", bindsOrConnects?: "binds" | "connects"): SocketView | undefined {
  return trace.sockets(kind).find((s) => port(s) === p && (!bindsOrConnects || s[bindsOrConnects].length > 0));
}

export default defineCheck((trace, expect) => {
  const display = receiverOn(trace, "5601", "SUB");
  expect("Display: weather arrives", (display?.totals.received ?? 0) >= 3,
    "The display received no weather. A SUB socket receives nothing until it subscribes: call display.subscribe().");

  const worker = trace.sockets("PULL").find((s) => s.binds.some((e) => e.endsWith(":5602")));
  const jobEdge = trace.edges().some((e) => e.to === worker?.id && trace.socket(e.from)?.kind === "PUSH");
  expect("Jobs: the dispatcher reaches the worker", jobEdge && (worker?.totals.received ?? 0) >= 3,
    "The worker received no jobs: the dispatcher connects to a port where nothing is bound. Connect it to the worker's port.");

  const sink = trace.sockets("PULL").find((s) => s.binds.some((e) => e.endsWith(":5604")));
  const pubToPull = trace.edges().some((e) => e.to === sink?.id && trace.socket(e.from)?.kind === "PUB");
  expect("Logs: socket types match", !pubToPull, "A PUB socket is connected to the PULL log sink: PUB and PULL are not counterparts. Make the log source a Push.");
  expect("Logs: lines reach the sink", (sink?.totals.received ?? 0) >= 3, "The log sink received no lines.");

  const pager = receiverOn(trace, "5605", "PULL");
  expect("Alerts: one side binds", Boolean(pager?.binds.length),
    "The alarm and the pager both connect, so they never meet. The pager is the stable side: bind it.");
  expect("Alerts: the pager is paged", (pager?.totals.received ?? 0) >= 3, "The pager received no alerts.");
  expect("The program finished cleanly", trace.ok, `The run ended: ${trace.exit?.message ?? "it did not finish"}`);
});
