import { fetchLesson } from "../lessons/lessonApi.js";
import { lessonFilesKey } from "../lessons/progress.js";
import { storageKey } from "../program/fileStore.js";
import type { WorkspaceSource } from "../program/useWorkspace.js";
import { loadShare } from "../share/shareApi.js";
import type { Route } from "./route.js";

/** The files a page edits: the playground's own, a share's copy, or a lesson's, each autosaved apart. */
export function workspaceSource(route: Route): WorkspaceSource {
  switch (route.kind) {
    case "share":
      return { key: storageKey(route.id), load: () => loadShare(route.id).then((s) => ({ files: s.files, entry: s.entry })) };
    case "lesson":
      return { key: lessonFilesKey(route.id), load: () => fetchLesson(route.id).then((l) => ({ files: l.starter, entry: l.entry })) };
    default:
      return { key: storageKey(null), load: null };
  }
}
