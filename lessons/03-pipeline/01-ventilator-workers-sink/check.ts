import { defineCheck } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const pulls = trace.sockets("PULL");
  const feedback = pulls.filter((s) => s.binds.length > 0);
  const workerInputs = pulls.filter((s) => s.connects.length > 0);
  const results = feedback.reduce((n, s) => n + s.received.filter((m) => m.texts[0] === "done").length, 0);
  const busy = workerInputs.filter((s) => s.totals.received > 0).length;
  expect("A feedback PULL is bound", feedback.length > 0, "Bind a zmq.Pull() on tcp://127.0.0.1:5558 in main.ts: the workers push their results there.");
  expect("Workers push to it", trace.edges().filter((e) => feedback.some((f) => f.id === e.to)).length >= 2, "Both workers should be connected to the feedback socket.");
  expect("Both workers got tasks", busy >= 2, `${busy} worker(s) received tasks. Wait for both "ready" messages before sending, so PUSH deals to both.`);
  expect("Ten results came back", results >= 10, `The feedback socket received ${results} of 10 results; receive ten ["done", …] messages after sending the tasks.`, "10 results collected.");
  expect("The program finished cleanly", trace.ok, `The run ended: ${trace.exit?.message ?? "it did not finish"}`);
});
