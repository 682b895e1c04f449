import { Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { Lesson, LessonSummary } from "../../../protocol/lessons.js";

const LessonList = Type.Array(LessonSummary);

async function getJson(url: string, what: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch {
    throw new Error(`Could not reach the server to load ${what}. Check the connection and reload.`);
  }
  if (res.status === 404) throw new Error(`There is no such lesson. Choose one from the lesson list.`);
  if (!res.ok) throw new Error(`The server could not load ${what} (${res.status}).`);
  return res.json();
}

let listPromise: Promise<LessonSummary[]> | null = null;
const lessonPromises = new Map<string, Promise<Lesson>>();

/** Every lesson, in course order; asked for once per page load. */
export function fetchLessonList(): Promise<LessonSummary[]> {
  listPromise ??= getJson("/api/lessons", "the lesson list").then((body) => {
    if (!Value.Check(LessonList, body)) throw new Error("The lesson list from the server could not be read.");
    return [...body].sort((a, b) => a.partNumber - b.partNumber || a.number - b.number);
  });
  listPromise.catch(() => {
    listPromise = null;
  });
  return listPromise;
}

/** One lesson with its prose and file sets; cached, so the workspace and the lesson pane share one request. */
export function fetchLesson(id: string): Promise<Lesson> {
  let promise = lessonPromises.get(id);
  if (!promise) {
    promise = getJson(`/api/lessons/${encodeURIComponent(id)}`, "the lesson").then((body) => {
      if (!Value.Check(Lesson, body)) throw new Error("The lesson from the server could not be read.");
      return body;
    });
    promise.catch(() => lessonPromises.delete(id));
    lessonPromises.set(id, promise);
  }
  return promise;
}

export interface LessonPart {
  number: number;
  title: string;
  lessons: LessonSummary[];
}

/** Lessons grouped by part, parts and lessons in course order. */
export function groupByPart(lessons: LessonSummary[]): LessonPart[] {
  const parts = new Map<number, LessonPart>();
  for (const lesson of lessons) {
    const part = parts.get(lesson.partNumber) ?? { number: lesson.partNumber, title: lesson.part, lessons: [] };
    part.lessons.push(lesson);
    parts.set(lesson.partNumber, part);
  }
  return [...parts.values()].sort((a, b) => a.number - b.number);
}
