// `npm run check:lessons`: proves every lesson's check in the real sandbox. The starter fails, the solution passes
// SOLUTION_RUNS times out of SOLUTION_RUNS, every alternative passes, every cheat fails on the assertion its README
// names (and not on a timeout). Prints `lessons: N passed, M failed`, which CI reads.
import { join } from "node:path";
import type { ProgramFiles } from "../protocol/files.js";
import { LessonCatalog } from "../server/lessons/catalog.js";
import { checkProgram } from "../server/lessons/check-program.js";
import { limitsFromEnv } from "../server/sandbox/limits.js";
import { Supervisor } from "../server/sandbox/supervisor.js";
import { REPO_ROOT } from "../server/paths.js";

const SOLUTION_RUNS = 3;
const MIN_ALTERNATIVES = 2;
const MIN_CHEATS = 2;
/** Programs checked at once; 3 keeps a 2-core machine busy without starving the runs' own timing. */
const CONCURRENCY = Number(process.env.LESSON_CHECK_CONCURRENCY ?? 3);
/**
 * Wall time of one checked program: on a loaded machine a correct program with worker threads can need more than a
 * learner's 10 s just to start. Time never decides here: a cheat that fails only by timing out is reported.
 */
const CHECK_WALL_MS = 30_000;

interface Job {
  id: string;
  what: string;
  files: ProgramFiles;
  expect: "pass" | "fail";
  fails?: string;
}

const only = process.argv.slice(2);
const catalog = new LessonCatalog(process.env.LESSONS_DIR ?? join(REPO_ROOT, "lessons"));
const lessons = catalog.list().filter((l) => only.length === 0 || only.includes(l.id));
const supervisor = await Supervisor.create({
  driver: process.env.SANDBOX ?? "auto",
  limits: { ...limitsFromEnv(), WARM_POOL_SIZE: CONCURRENCY, RUN_WALL_MS: Math.max(limitsFromEnv().RUN_WALL_MS, CHECK_WALL_MS) },
});
const problems = new Map<string, string[]>();
const report = (id: string, problem: string) => problems.set(id, [...(problems.get(id) ?? []), problem]);

const jobs: Job[] = lessons.flatMap((l) => {
  const lesson = catalog.get(l.id)!;
  const variants = catalog.variants(l.id);
  const alternatives = variants.filter((v) => v.kind === "alternative");
  const cheats = variants.filter((v) => v.kind === "cheat");
  if (alternatives.length < MIN_ALTERNATIVES)
    report(l.id, `has ${alternatives.length} alternative solution(s); at least ${MIN_ALTERNATIVES} prove the check accepts other styles`);
  if (cheats.length < MIN_CHEATS) report(l.id, `has ${cheats.length} cheat(s); at least ${MIN_CHEATS} prove the check cannot be fooled`);
  return [
    { id: l.id, what: "starter", files: lesson.starter, expect: "fail" as const },
    ...Array.from({ length: SOLUTION_RUNS }, (_, i) => ({ id: l.id, what: `solution (run ${i + 1})`, files: lesson.solution, expect: "pass" as const })),
    ...alternatives.map((v) => ({ id: l.id, what: `alternatives/${v.name}`, files: v.files, expect: "pass" as const })),
    ...cheats.map((v) => ({ id: l.id, what: `cheats/${v.name}`, files: v.files, expect: "fail" as const, fails: v.fails })),
  ];
});

async function verify(job: Job): Promise<string | null> {
  const { result, events } = await checkProgram(supervisor, catalog, job.id, job.files, catalog.get(job.id)!.entry);
  const failed = result.assertions.filter((a) => !a.passed);
  if (job.expect === "pass") {
    return result.status === "pass" ? null : `${job.what} should pass but fails (${result.run}) ${failed.map((a) => `${a.name}: ${a.message}`).join("; ")}`;
  }
  if (result.status === "pass") return `${job.what} should fail but passes`;
  if (!job.fails) return null;
  if (!result.assertions.some((a) => a.name === job.fails)) return `${job.what}: its README names "${job.fails}", which the check never asserts`;
  if (!failed.some((a) => a.name === job.fails)) return `${job.what} should fail "${job.fails}" but fails ${failed.map((a) => `"${a.name}"`).join(", ")}`;
  const exit = events.find((e) => e.type === "run/exit");
  if (exit?.type === "run/exit" && exit.reason === "timeout") return `${job.what} fails only because the run timed out`;
  return null;
}

const started = performance.now();
const queue = [...jobs];
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const problem = await verify(job).catch((err: Error) => `${job.what}: ${err.message}`);
      if (problem) report(job.id, problem);
    }
  }),
);
let failures = 0;
for (const l of lessons) {
  const p = problems.get(l.id);
  if (p) failures++;
  const proved = jobs.filter((j) => j.id === l.id).length;
  console.log(`${p ? "✘" : "✔"} ${l.id} (${proved} programs)${p ? `\n    ${p.join("\n    ")}` : ""}`);
}
await supervisor.close();
const passed = lessons.length - failures;
console.log(`\nlessons: ${passed} passed, ${failures} failed (${jobs.length} programs, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
process.exit(failures ? 1 : 0);
