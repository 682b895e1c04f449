import type { ServerMessage } from "../../../protocol/ws.js";
import type { ConnectionState } from "../run-client/runClient.js";

export type ClassSessionPhase =
  | { phase: "off" }
  | { phase: "opening" }
  | { phase: "open"; code: string; url: string; expiresAt: string; spectators: number }
  | { phase: "reconnecting"; code: string }
  | { phase: "stopped"; message: string };

/** The presenter's classroom session, as this page knows it from the messages on its run socket. */
export interface ClassSessionState {
  session: ClassSessionPhase;
  /** What it takes to get the same session (and code) back after the connection drops. */
  reclaim: { code: string; key: string } | null;
}

export type ClassSessionAction =
  | { type: "server"; message: ServerMessage }
  | { type: "connection"; state: ConnectionState }
  /** The presenter pressed Start a class. */
  | { type: "class/open" }
  /** The presenter ended the class. */
  | { type: "class/close" };

export const initialClassSession: ClassSessionState = { session: { phase: "off" }, reclaim: null };

const DROPPED_WHILE_OPENING = "The connection to the server dropped before the session opened. Press Start a class to try again.";

/** Pure: the class session after a server message, a connection change or the presenter's own action. */
export function reduceClassSession(state: ClassSessionState, action: ClassSessionAction): ClassSessionState {
  const { session } = state;
  switch (action.type) {
    case "class/open":
      return { ...state, session: { phase: "opening" } };
    case "class/close":
      return initialClassSession;
    case "connection":
      if (action.state !== "closed") return state;
      if (session.phase === "open" && state.reclaim) return { ...state, session: { phase: "reconnecting", code: session.code } };
      if (session.phase === "opening") return { ...state, session: { phase: "stopped", message: DROPPED_WHILE_OPENING } };
      return state;
    case "server":
      return reduceSessionMessage(state, action.message);
    default:
      return state;
  }
}

function reduceSessionMessage(state: ClassSessionState, message: ServerMessage): ClassSessionState {
  const { session } = state;
  if (message.type === "session/opened") {
    const { key, ...opened } = message.payload;
    return { session: { phase: "open", ...opened }, reclaim: { code: opened.code, key } };
  }
  if (message.type === "session/audience" && session.phase === "open") return { ...state, session: { ...session, spectators: message.payload.spectators } };
  // An error that belongs to no run answers the session request.
  if (message.type === "error" && !("runId" in message.meta && message.meta.runId) && session.phase === "opening") {
    return { ...state, session: { phase: "stopped", message: message.payload.message } };
  }
  return state;
}
