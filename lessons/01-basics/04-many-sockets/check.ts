import { answeredJobs, bodyTexts, count, defineCheck, expectFinished, receivedFrom } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const pullsWithTasks = trace.sockets("PULL").filter((s) => s.received.some((m) => (bodyTexts(m)[0] ?? "").startsWith("task")));
  const pushes = trace.sockets("PUSH");
  const sinks = trace.sockets("PULL").filter((s) => !pullsWithTasks.includes(s));
  const tasks = receivedFrom(pullsWithTasks, pushes).map((m) => ({ text: bodyTexts(m)[0] ?? "", t: m.t }));
  const results = receivedFrom(sinks, pushes).map((m) => ({ text: bodyTexts(m).join(" "), t: m.t }));
  const done = tasks.filter((task) => results.some((r) => r.t >= task.t && r.text.endsWith(task.text)));
  expect("Every task has its result", tasks.length >= 4 && done.length === tasks.length,
    tasks.length < 4 ? `The worker received ${count(tasks.length, "task")}; the driver sends four, one after each answered ping. Serve the pings too.`
      : `${done.length} of the ${tasks.length} tasks the worker took came back as "result of <task>".`,
    `${tasks.length} tasks, each with its result.`);
  const pingers = trace.sockets("REQ");
  const servers = trace.sockets("REP");
  const pings = pingers.map((p) => answeredJobs(p, servers));
  const asked = pings.reduce((n, p) => n + p.asked, 0);
  const answered = pings.reduce((n, p) => n + p.answered, 0);
  expect("Every ping is answered", asked >= 4 && answered === asked,
    asked < 4 ? `${count(asked, "ping")} reached the worker's REP socket; the driver sends four, one after each task's result.`
      : `${answered} of the ${asked} pings that reached the worker were answered with a pong naming them. Serve the pings socket while the tasks loop waits.`,
    `${asked} pings, each answered.`);
  expectFinished(trace, expect);
});
