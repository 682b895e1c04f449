import { randomUUID } from "node:crypto";
import type { ProgramFiles } from "../../protocol/files.js";
import type { CheckResult } from "../../protocol/lessons.js";
import type { TraceEvent } from "../../protocol/trace.js";
import type { Supervisor } from "../sandbox/supervisor.js";
import type { LessonCatalog } from "./catalog.js";
import { appendUpTo } from "../util/append-all.js";

/** Runs a program in the sandbox and judges its whole trace with a lesson's check. */
export async function checkProgram(
  supervisor: Supervisor,
  catalog: LessonCatalog,
  lessonId: string,
  files: ProgramFiles,
  entry?: string,
): Promise<{ result: CheckResult; events: TraceEvent[] }> {
  const lesson = catalog.get(lessonId);
  if (!lesson) throw new Error(`There is no lesson "${lessonId}".`);
  const events: TraceEvent[] = [];
  const ticket = await supervisor.submit({ runId: randomUUID(), files, entry: entry ?? lesson.entry }, (batch) =>
    appendUpTo(events, batch, supervisor.limits.RECORDED_EVENTS, (e) => e.type === "run/exit"),
  );
  await ticket.done;
  return { result: await catalog.judge(lessonId, events), events };
}
