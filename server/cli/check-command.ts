import { LessonCatalog } from "../lessons/catalog.js";
import { checkProgram } from "../lessons/check-program.js";
import { limitsFromEnv } from "../sandbox/limits.js";
import { Supervisor } from "../sandbox/supervisor.js";
import { REPO_ROOT } from "../paths.js";
import { loadFiles } from "./load-files.js";
import { join } from "node:path";

export interface CheckOptions {
  lessonId: string;
  files: string[];
  entry?: string;
  sandbox: string;
  json: boolean;
}

/** Runs files against a lesson's check; prints the result as JSON or as a list. Returns the exit status. */
export async function checkCommand(options: CheckOptions): Promise<number> {
  const catalog = new LessonCatalog(process.env.LESSONS_DIR ?? join(REPO_ROOT, "lessons"));
  if (!catalog.get(options.lessonId))
    throw new Error(
      `there is no lesson "${options.lessonId}"; lessons: ${catalog
        .list()
        .map((l) => l.id)
        .join(", ")}`,
    );
  const files = await loadFiles(options.files);
  const supervisor = await Supervisor.create({ driver: options.sandbox, limits: { ...limitsFromEnv(), WARM_POOL_SIZE: 1 } });
  try {
    const { result } = await checkProgram(supervisor, catalog, options.lessonId, files, options.entry);
    if (options.json) console.log(JSON.stringify(result));
    else {
      for (const a of result.assertions) console.log(`${a.passed ? "✔" : "✘"} ${a.name}: ${a.message}`);
      console.log(`\n${result.status === "pass" ? "Passed" : "Not yet"}. ${result.run}`);
    }
    return result.status === "pass" ? 0 : 1;
  } finally {
    await supervisor.close();
  }
}
