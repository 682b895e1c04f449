import type { ProgramFiles } from "../../../protocol/files.js";
import type { ViewState } from "../../../protocol/session.js";
import type { ServerMessage } from "../../../protocol/ws.js";
import { initialRunState, reduceRun, type RunState } from "../run-client/runState.js";

export type WatchPhase = "connecting" | "watching" | "reconnecting" | "ended";

/** What a spectator has of the presenter's session: the program, its run as traced so far, and the presenter's view. */
export interface SpectatorState {
  code: string;
  phase: WatchPhase;
  /** Why the session ended (or could not be joined), as the server said it. */
  ended: string | null;
  files: ProgramFiles | null;
  entry: string | null;
  /** Counts program changes, so the read-only editor adopts the new files. */
  filesRevision: number;
  run: RunState;
  view: ViewState;
}

export type SpectatorAction = { type: "message"; message: ServerMessage } | { type: "connection"; state: "open" | "closed" };

export function initialSpectator(code: string): SpectatorState {
  return { code, phase: "connecting", ended: null, files: null, entry: null, filesRevision: 0, run: initialRunState, view: { paused: false, speed: 1 } };
}

function startRun(runId: string): RunState {
  return reduceRun(initialRunState, { type: "start", runId });
}

/** Pure: the spectator's state after one message or connection change. Pausing is the timeline's job, not this. */
export function reduceSpectator(state: SpectatorState, action: SpectatorAction): SpectatorState {
  if (action.type === "connection") {
    if (state.phase === "ended") return state;
    return action.state === "closed" ? { ...state, phase: "reconnecting" } : state;
  }
  const message = action.message;
  switch (message.type) {
    case "session/snapshot": {
      const { run, events, view } = message.payload;
      const started = run ? startRun(run.runId) : initialRunState;
      const traced =
        run && events.length ? reduceRun(started, { type: "server", message: { type: "trace", payload: { events }, meta: { runId: run.runId } } }) : started;
      return {
        ...state,
        phase: "watching",
        ended: null,
        view,
        run: traced,
        files: run?.files ?? null,
        entry: run?.entry ?? null,
        filesRevision: state.filesRevision + 1,
      };
    }
    case "session/run":
      return {
        ...state,
        run: startRun(message.payload.runId),
        files: message.payload.files,
        entry: message.payload.entry,
        filesRevision: state.filesRevision + 1,
      };
    case "trace":
      return { ...state, run: reduceRun(state.run, { type: "server", message }) };
    case "session/view":
      return { ...state, view: message.payload };
    case "session/ended":
      return { ...state, phase: "ended", ended: message.payload.reason };
    default:
      return state;
  }
}
