import { pathToFileURL } from "node:url";
import type { CheckResult, Lesson, LessonSummary } from "../../protocol/lessons.js";
import type { TraceEvent } from "../../protocol/trace.js";
import type { LessonCheck } from "./check-kit.js";
import { loadLessons, type LoadedLesson } from "./loader.js";
import { TraceView } from "./trace-view.js";

/** The curriculum, loaded and validated once; judges a finished run's trace with a lesson's check. */
export class LessonCatalog {
  private readonly lessons: LoadedLesson[];
  private readonly checks = new Map<string, Promise<LessonCheck>>();

  constructor(root: string) {
    this.lessons = loadLessons(root);
  }

  list(): LessonSummary[] {
    return this.lessons.map(({ id, title, part, partNumber, number, summary, minutes, concepts, scenario }) => ({
      id,
      title,
      part,
      partNumber,
      number,
      summary,
      minutes,
      concepts,
      ...(scenario ? { scenario } : {}),
    }));
  }

  get(id: string): Lesson | undefined {
    const found = this.lessons.find((l) => l.id === id);
    if (!found) return undefined;
    const { checkPath: _, variants: __, ...lesson } = found;
    return lesson;
  }

  /** The alternatives and cheats that prove a lesson's check (for `npm run check:lessons`). */
  variants(id: string): LoadedLesson["variants"] {
    return this.lessons.find((l) => l.id === id)?.variants ?? [];
  }

  async judge(id: string, events: TraceEvent[]): Promise<CheckResult> {
    const lesson = this.lessons.find((l) => l.id === id);
    if (!lesson) throw new Error(`unknown lesson "${id}"`);
    const check = await this.checkFor(lesson);
    const trace = new TraceView(events);
    const assertions = check(trace);
    if (assertions.length === 0) throw new Error(`${lesson.id}: the check made no assertions`);
    return {
      lessonId: id,
      status: assertions.every((a) => a.passed) ? "pass" : "fail",
      assertions,
      run: trace.exit?.message ?? "The run did not finish.",
    };
  }

  private checkFor(lesson: LoadedLesson): Promise<LessonCheck> {
    let check = this.checks.get(lesson.id);
    if (!check) {
      check = import(pathToFileURL(lesson.checkPath).href).then((m: { default?: LessonCheck }) => {
        if (typeof m.default !== "function") throw new Error(`${lesson.checkPath}: must default-export defineCheck(...)`);
        return m.default;
      });
      this.checks.set(lesson.id, check);
    }
    return check;
  }
}
