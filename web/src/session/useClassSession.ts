import { useEffect, useRef } from "react";
import type { ViewState } from "../../../protocol/session.js";
import type { ServerChannel } from "../run-client/useServerChannel.js";

/** View changes (a scrub, a replay) are sent at most this often; the last one always goes out. */
export const VIEW_SEND_INTERVAL_MS = 150;

export type ClassChannel = Pick<ServerChannel, "classSession" | "connection" | "sendSession" | "openClass" | "closeClass">;

/**
 * The presenter's classroom session on the page's run socket (its state is the page store's class-session slice):
 * takes the session back after a dropped connection, and mirrors the presenter's view (pause, speed, cursor) to
 * every spectator.
 */
export function useClassSession({ classSession, connection, sendSession, openClass, closeClass }: ClassChannel, view: ViewState | null) {
  const { session, reclaim } = classSession;
  const reconnecting = session.phase === "reconnecting";

  useEffect(() => {
    if (connection === "open" && reconnecting && reclaim) sendSession({ type: "session/open", payload: reclaim, meta: {} });
  }, [connection, reconnecting, reclaim, sendSession]);

  useViewMirror(session.phase === "open" ? session.code : null, view, sendSession);
  return { state: session, open: openClass, close: closeClass };
}

/** Sends the view when a session opens and whenever it changes, throttled, as a replay moves its cursor every frame. */
function useViewMirror(code: string | null, view: ViewState | null, sendSession: ClassChannel["sendSession"]) {
  const lastSent = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(view);
  latest.current = view;
  const openCode = useRef(code);
  openCode.current = code;
  const key = view ? `${view.paused}|${view.speed}|${view.cursor === undefined ? "" : Math.round(view.cursor)}` : "";

  useEffect(() => {
    if (!code || key === "") return;
    const send = () => {
      timer.current = null;
      lastSent.current = Date.now();
      const v = latest.current;
      if (v && openCode.current) sendSession({ type: "session/view", payload: v.cursor === undefined ? { paused: v.paused, speed: v.speed } : v, meta: {} });
    };
    const wait = lastSent.current + VIEW_SEND_INTERVAL_MS - Date.now();
    if (wait <= 0) send();
    else timer.current ??= setTimeout(send, wait);
  }, [code, key, sendSession]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
}
