import { bodyTexts, count, defineCheck, expectAllClosed, receivedFrom } from "../../../server/lessons/check-kit.js";

export default defineCheck((trace, expect) => {
  const pushes = trace.sockets("PUSH");
  const pulls = trace.sockets("PULL");
  const jobs = receivedFrom(pulls, pushes).filter((m) => !(bodyTexts(m)[0] ?? "").startsWith("done"));
  const results = receivedFrom(pulls, pushes).filter((m) => (bodyTexts(m)[0] ?? "").startsWith("done"));
  const done = jobs.filter((j) => results.some((r) => r.t >= j.t && bodyTexts(r)[0] === `done: ${bodyTexts(j)[0]}`));
  expect("Every job was done before the stop", jobs.length >= 3 && done.length === jobs.length,
    jobs.length < 3 ? `The service took ${count(jobs.length, "job")}; the operator sends three.`
      : `${done.length} of the ${count(jobs.length, "job")} the service took came back as "done: <job>".`, `${jobs.length} jobs done.`);
  expectAllClosed(trace, expect);
  const killed = trace.exit?.signal ?? (trace.exit?.reason === "killed" ? "a signal" : undefined);
  expect("The program finished cleanly", trace.ok,
    killed ? `The run was ended by ${killed}: nothing handled the signal. Add process.once("SIGTERM", ...) that closes the sockets.`
      : `The run ended: ${trace.exit?.message ?? "it did not finish"} Close the sockets on the signal and let the program end by itself.`);
});
