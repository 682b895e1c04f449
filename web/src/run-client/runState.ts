import type { RunExit, TraceEvent } from "../../../protocol/trace.js";
import type { ServerMessage } from "../../../protocol/ws.js";
import { emptyGraph, reduceGraph, type GraphState } from "../graph/model/reducer.js";
import { appendEvents, emptyRecording, type TraceRecording } from "../timeline/recording.js";
import { runIdOf } from "./runClient.js";

export type RunStatus = "idle" | "starting" | "queued" | "running" | "stopping" | "done" | "failed";

export interface ConsoleLine {
  id: number;
  /** "system" lines are the workbench's own words (verdicts, connection trouble), not the program's output. */
  stream: "stdout" | "stderr" | "system" | "info" | "warning" | "error";
  text: string;
}

export interface RunState {
  runId: string | null;
  status: RunStatus;
  queuePosition: number | null;
  console: ConsoleLine[];
  nextLineId: number;
  exit: RunExit | null;
  graph: GraphState;
  /** Every event of the run, for the timeline (pause, scrub, replay) and trace export. */
  trace: TraceRecording;
}

export type RunAction =
  | { type: "start"; runId: string }
  | { type: "stop" }
  | { type: "server"; message: ServerMessage }
  /** Server messages that arrived within one frame, in arrival order. */
  | { type: "server-batch"; messages: ServerMessage[] }
  | { type: "connection-lost" }
  /** The workbench's own lines for the current run, such as the editor's type errors when it started. */
  | { type: "notes"; lines: Array<Omit<ConsoleLine, "id">> };

export const CONSOLE_LINE_LIMIT = 2000;

export const initialRunState: RunState = {
  runId: null,
  status: "idle",
  queuePosition: null,
  console: [],
  nextLineId: 0,
  exit: null,
  graph: emptyGraph,
  trace: emptyRecording,
};

export function isActive(status: RunStatus): boolean {
  return status === "starting" || status === "queued" || status === "running" || status === "stopping";
}

/** Pure: the run as the UI shows it. Messages of another run are ignored here too, as a second guard. */
export function reduceRun(state: RunState, action: RunAction): RunState {
  switch (action.type) {
    case "start":
      return { ...initialRunState, runId: action.runId, status: "starting" };
    case "stop":
      return isActive(state.status) ? { ...state, status: "stopping" } : state;
    case "connection-lost":
      if (!isActive(state.status)) return state;
      return addLines({ ...state, status: "failed" }, [{ stream: "system", text: "Lost the connection to the server; the run was stopped." }]);
    case "server":
      return reduceServerMessage(state, action.message);
    case "server-batch":
      return action.messages.reduce(reduceServerMessage, state);
    case "notes":
      return addLines(state, action.lines);
    default:
      return state;
  }
}

function reduceServerMessage(state: RunState, message: ServerMessage): RunState {
  const runId = runIdOf(message);
  if (runId !== undefined && runId !== state.runId) return state;
  switch (message.type) {
    case "run/queued":
      return { ...state, status: "queued", queuePosition: message.payload.position };
    case "error":
      return addLines({ ...state, status: isActive(state.status) ? "failed" : state.status }, [{ stream: "error", text: message.payload.message }]);
    case "trace":
      return { ...message.payload.events.reduce(reduceTraceEvent, state), trace: appendEvents(state.trace, message.payload.events) };
    default:
      return state;
  }
}

function reduceTraceEvent(state: RunState, event: TraceEvent): RunState {
  const graph = reduceGraph(state.graph, event);
  const next = { ...state, graph };
  switch (event.type) {
    case "run/start":
      return { ...next, status: state.status === "stopping" ? "stopping" : "running", queuePosition: null };
    case "console":
      return addLines(
        next,
        splitLines(event.text).map((text) => ({ stream: event.stream, text })),
      );
    case "diagnostic":
      return addLines(next, [{ stream: event.severity, text: event.message }]);
    case "run/exit":
      return addLines({ ...next, status: event.reason === "ok" ? "done" : "failed", exit: event }, [{ stream: "system", text: event.message }]);
    default:
      return next;
  }
}

/** A console event may hold several lines or end in a newline; each line gets its own row. */
function splitLines(text: string): string[] {
  const lines = text.replace(/\r?\n$/, "").split(/\r?\n/);
  return lines;
}

function addLines(state: RunState, lines: Array<Omit<ConsoleLine, "id">>): RunState {
  const added = lines.map((line, i) => ({ ...line, id: state.nextLineId + i }));
  const all = [...state.console, ...added];
  return {
    ...state,
    console: all.length > CONSOLE_LINE_LIMIT ? all.slice(-CONSOLE_LINE_LIMIT) : all,
    nextLineId: state.nextLineId + added.length,
  };
}
