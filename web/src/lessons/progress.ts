import { useSyncExternalStore } from "react";
import { LESSON_ID_PATTERN as LESSON_ID } from "../../../protocol/ids.js";

/** Which lessons the learner has solved, with when; kept in this browser only (Export takes it elsewhere). */
export interface Progress {
  solved: Record<string, string>;
}

export const PROGRESS_KEY = "zmq-workbench.progress";
export const LESSON_ID_PATTERN = new RegExp(LESSON_ID);
const CHANGED = "zmq-workbench:progress";
const empty: Progress = { solved: {} };

/** Where a lesson's code is autosaved: its own key, apart from the playground's and every other lesson's. */
export function lessonFilesKey(lessonId: string): string {
  return `zmq-workbench.files.lesson.${lessonId}`;
}

export function parseProgress(raw: string | null): Progress {
  if (!raw) return empty;
  try {
    const parsed = JSON.parse(raw) as { solved?: unknown };
    const solved: Record<string, string> = {};
    if (parsed.solved && typeof parsed.solved === "object") {
      for (const [id, at] of Object.entries(parsed.solved)) {
        if (LESSON_ID_PATTERN.test(id) && typeof at === "string") solved[id] = at;
      }
    }
    return { solved };
  } catch {
    return empty;
  }
}

export function readProgress(storage: Pick<Storage, "getItem">): Progress {
  try {
    return parseProgress(storage.getItem(PROGRESS_KEY));
  } catch {
    return empty;
  }
}

export function writeProgress(storage: Pick<Storage, "setItem">, progress: Progress): void {
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // Without storage the tick lasts until the page closes; the lesson still works.
  }
  if (typeof window !== "undefined") window.dispatchEvent(new Event(CHANGED));
}

export function markSolved(lessonId: string, now = new Date()): void {
  const progress = readProgress(localStorage);
  if (progress.solved[lessonId]) return;
  writeProgress(localStorage, { solved: { ...progress.solved, [lessonId]: now.toISOString() } });
}

let cache: { raw: string | null; value: Progress } = { raw: null, value: empty };

function snapshot(): Progress {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(PROGRESS_KEY);
  } catch {
    /* no storage: nothing solved */
  }
  if (raw !== cache.raw) cache = { raw, value: parseProgress(raw) };
  return cache.value;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The progress, kept current across components and other tabs of the same browser. */
export function useProgress(): Progress {
  return useSyncExternalStore(subscribe, snapshot);
}
