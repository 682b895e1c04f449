import { useCallback, useEffect, useRef, useState } from "react";
import type { ViewState } from "../../../protocol/session.js";
import type { RunControls } from "../run-client/useRun.js";

export type ClassSessionState =
  | { phase: "off" }
  | { phase: "opening" }
  | { phase: "open"; code: string; url: string; expiresAt: string; spectators: number }
  | { phase: "reconnecting"; code: string }
  | { phase: "stopped"; message: string };

/** View changes (a scrub, a replay) are sent at most this often; the last one always goes out. */
export const VIEW_SEND_INTERVAL_MS = 150;

type Channel = Pick<RunControls, "sendSession" | "subscribe" | "connection">;

/**
 * The presenter's classroom session on the page's run socket: open and close it, follow the audience, and
 * mirror the presenter's view (pause, speed, cursor) to every spectator.
 */
export function useClassSession({ sendSession, subscribe, connection }: Channel, view: ViewState | null) {
  const [state, setState] = useState<ClassSessionState>({ phase: "off" });
  /** What it takes to get the same session (and code) back after the connection drops. */
  const reclaim = useRef<{ code: string; key: string } | null>(null);
  const phase = useRef(state.phase);
  phase.current = state.phase;

  useEffect(
    () =>
      subscribe((message) => {
        if (message.type === "session/opened") {
          const { key, ...session } = message.payload;
          reclaim.current = { code: session.code, key };
          setState({ phase: "open", ...session });
        } else if (message.type === "session/audience") setState((s) => (s.phase === "open" ? { ...s, spectators: message.payload.spectators } : s));
        else if (message.type === "error" && !("runId" in message.meta && message.meta.runId)) {
          setState((s) => (s.phase === "opening" ? { phase: "stopped", message: message.payload.message } : s));
        }
      }),
    [subscribe],
  );

  useEffect(() => {
    if (connection === "closed") {
      setState((s) =>
        s.phase === "open" && reclaim.current
          ? { phase: "reconnecting", code: s.code }
          : s.phase === "opening"
            ? { phase: "stopped", message: "The connection to the server dropped before the session opened. Press Start a class to try again." }
            : s,
      );
    } else if (connection === "open" && reclaim.current && phase.current === "reconnecting") {
      sendSession({ type: "session/open", payload: reclaim.current, meta: {} });
    }
  }, [connection, sendSession]);

  useViewMirror(state.phase === "open" ? state.code : null, view, sendSession);

  const open = useCallback(() => {
    setState({ phase: "opening" });
    sendSession({ type: "session/open", payload: {}, meta: {} });
  }, [sendSession]);
  const close = useCallback(() => {
    reclaim.current = null;
    sendSession({ type: "session/close", payload: {}, meta: {} });
    setState({ phase: "off" });
  }, [sendSession]);
  return { state, open, close };
}

/** Sends the view when a session opens and whenever it changes, throttled, as a replay moves its cursor every frame. */
function useViewMirror(code: string | null, view: ViewState | null, sendSession: Channel["sendSession"]) {
  const lastSent = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(view);
  latest.current = view;
  const openCode = useRef(code);
  openCode.current = code;
  const key = view ? `${view.paused}|${view.speed}|${view.cursor === undefined ? "" : Math.round(view.cursor)}` : "";

  useEffect(() => {
    if (!code || !latest.current) return;
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
