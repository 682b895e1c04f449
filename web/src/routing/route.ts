import { useSyncExternalStore } from "react";
import { LESSON_ID_PATTERN } from "../../../protocol/ids.js";
import { shareIdFromPath } from "../share/shareApi.js";

const LESSON_ID = new RegExp(LESSON_ID_PATTERN);

/** The pages of the app; the server answers each of these paths with index.html. */
export type Route = { kind: "playground" } | { kind: "share"; id: string } | { kind: "lesson"; id: string } | { kind: "watch"; code: string };

const NAVIGATED = "zmq-workbench:navigated";

export function routeFromPath(pathname: string): Route {
  const share = shareIdFromPath(pathname);
  if (share) return { kind: "share", id: share };
  const lesson = /^\/lessons\/([^/]+)\/?$/.exec(pathname);
  if (lesson && LESSON_ID.test(lesson[1])) return { kind: "lesson", id: lesson[1] };
  const watch = /^\/watch\/([A-Za-z0-9]{1,12})\/?$/.exec(pathname);
  if (watch) return { kind: "watch", code: watch[1].toUpperCase() };
  return { kind: "playground" };
}

/** Moves to another page without reloading, so the run connection (and a classroom session on it) survives. */
export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, "", path);
  window.dispatchEvent(new Event(NAVIGATED));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
}

/** The current page's path, updated on navigate() and the browser's back and forward buttons. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** A plain link that navigates in place on a normal click, and still opens a new tab with a modifier key. */
export function followLink(
  ev: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean; preventDefault(): void },
  path: string,
): void {
  if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  ev.preventDefault();
  navigate(path);
}
