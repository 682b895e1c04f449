import { bodyTexts, count, defineCheck, expectFinished, receivedFrom } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const pushes = trace.sockets("PUSH");
  const pulls = trace.sockets("PULL");
  const sinks = pulls.filter((s) => s.binds.length > 0 && receivedFrom([s], pushes).some((m) => bodyTexts(m)[0] === "done"));
  const ventilators = pushes.filter((p) => p.binds.length > 0);
  expect("A feedback PULL is bound", pulls.some((s) => s.binds.length > 0), "Bind a zmq.Pull() in main.ts for the workers to push their results to.");
  const tasksTaken = receivedFrom(pulls.filter((s) => !sinks.includes(s)), ventilators);
  const busy = new Set(tasksTaken.map((m) => m.socket)).size;
  expect("Both workers got tasks", busy >= 2,
    `${count(busy, "worker")} received tasks from the ventilator. Wait for every worker's "ready" before the first send, so PUSH deals to all of them.`,
    `${busy} workers shared the tasks.`);
  const tasks = [...new Set(ventilators.flatMap((v) => v.sent).map((m) => bodyTexts(m)[0] ?? ""))];
  const results = receivedFrom(sinks, pushes).map((m) => ({ text: bodyTexts(m).join(" "), t: m.t }));
  const missing = tasks.filter((task) => {
    const word = new RegExp(`\\b${task.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`);
    const taken = tasksTaken.find((m) => bodyTexts(m)[0] === task);
    return !taken || !results.some((r) => word.test(r.text) && r.t >= taken.t);
  });
  expect("Every task has its result", tasks.length >= 10 && missing.length === 0,
    tasks.length < 10 ? `The ventilator sent ${count(tasks.length, "distinct task")}; send the ten tasks.`
      : `No result naming ${missing.slice(0, 3).join(", ")} reached the feedback socket after a worker took it. Receive one ["done", …] per task.`,
    `${tasks.length} tasks, each done by a worker and reported back.`);
  expectFinished(trace, expect);
});
