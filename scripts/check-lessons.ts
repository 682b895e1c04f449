// `npm run check:lessons`: every lesson's solution passes its check and every starter fails it, in the real sandbox.
import { join } from "node:path";
import { LessonCatalog } from "../server/lessons/catalog.js";
import { checkProgram } from "../server/lessons/check-program.js";
import { limitsFromEnv } from "../server/sandbox/limits.js";
import { Supervisor } from "../server/sandbox/supervisor.js";
import { REPO_ROOT } from "../server/paths.js";

const only = process.argv.slice(2);
const catalog = new LessonCatalog(process.env.LESSONS_DIR ?? join(REPO_ROOT, "lessons"));
const lessons = catalog.list().filter((l) => only.length === 0 || only.includes(l.id));
const supervisor = await Supervisor.create({ driver: process.env.SANDBOX ?? "auto", limits: { ...limitsFromEnv(), WARM_POOL_SIZE: 2 } });
let failures = 0;

async function verify(id: string, which: "starter" | "solution"): Promise<string | null> {
  const lesson = catalog.get(id)!;
  const { result } = await checkProgram(supervisor, catalog, id, lesson[which], lesson.entry);
  const expected = which === "solution" ? "pass" : "fail";
  if (result.status === expected) return null;
  const why = result.assertions.filter((a) => a.passed !== (which === "solution")).map((a) => `${a.name}: ${a.message}`);
  return `${which} should ${expected} but ${result.status === "pass" ? "passes" : "fails"} (${result.run}) ${which === "solution" ? why.join("; ") : ""}`;
}

const started = performance.now();
const queue = lessons.flatMap((l) => [{ id: l.id, which: "starter" as const }, { id: l.id, which: "solution" as const }]);
const problems = new Map<string, string[]>();
await Promise.all([0, 1].map(async () => {
  for (let job = queue.shift(); job; job = queue.shift()) {
    const problem = await verify(job.id, job.which).catch((err: Error) => `${job.which}: ${err.message}`);
    if (problem) problems.set(job.id, [...(problems.get(job.id) ?? []), problem]);
  }
}));
for (const l of lessons) {
  const p = problems.get(l.id);
  if (p) failures++;
  console.log(`${p ? "✘" : "✔"} ${l.id}${p ? `\n    ${p.join("\n    ")}` : ""}`);
}
await supervisor.close();
const passed = lessons.length - failures;
console.log(`\nlessons: ${passed} passed, ${failures} failed (${((performance.now() - started) / 1000).toFixed(1)} s)`);
process.exit(failures ? 1 : 0);
