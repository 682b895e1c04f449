import { bodyTexts, count, defineCheck, expectFinished, expectRelay, receivedFrom } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const pulls = trace.sockets("PULL");
  const pushes = trace.sockets("PUSH");
  // The device: a bound PULL and a bound PUSH whose receivers are workers, not the sink.
  const deviceOut = pushes.filter((s) => s.binds.length > 0);
  const deviceIn = pulls.filter((s) => s.binds.length > 0 && s.received.every((m) => !(bodyTexts(m)[0] ?? "").includes(" done by ")) && s.received.length > 0);
  expect("A PULL frontend and a PUSH backend", deviceOut.length > 0 && pulls.some((s) => s.binds.length > 0), "Bind the device's zmq.Pull frontend and zmq.Push backend.");
  expectRelay(expect, "Tasks go through the device", deviceIn, deviceOut, 10, "Write the device loop: receive from the frontend, send the same message on the backend.");
  const workers = pulls.filter((s) => receivedFrom([s], deviceOut).length > 0);
  expect("Both workers got tasks", workers.length >= 2, `${count(workers.length, "worker")} received tasks from the device; the PUSH backend deals them round-robin to every connected worker.`);
  const taken = receivedFrom(workers, deviceOut).map((m) => ({ text: bodyTexts(m)[0] ?? "", t: m.t }));
  const sinks = pulls.filter((s) => !workers.includes(s) && !deviceIn.includes(s));
  const results = receivedFrom(sinks, pushes).map((m) => ({ text: bodyTexts(m)[0] ?? "", t: m.t }));
  const done = taken.filter((task) => results.some((r) => r.t >= task.t && r.text.startsWith(`${task.text} `)));
  expect("Every task has its result", taken.length >= 10 && done.length === taken.length,
    taken.length < 10 ? `The workers took ${count(taken.length, "task")} from the device; all ten should reach them.`
      : `${done.length} of the ${count(taken.length, "task")} the workers took came back as "<task> done by <worker>".`, `${taken.length} tasks, each with its result.`);
  expectFinished(trace, expect);
});
