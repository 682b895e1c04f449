import { initialLessonCheck, reduceLessonCheck, type LessonCheckState } from "../lessons/lessonCheckState.js";
import { initialClassSession, reduceClassSession, type ClassSessionAction, type ClassSessionState } from "../session/classSessionState.js";
import type { ConnectionState } from "./runClient.js";
import { initialRunState, reduceRun, type RunAction, type RunState } from "./runState.js";

/**
 * Everything the page knows from its one server socket, one slice per concern. Every server message goes through
 * `reducePage` once (already checked against the protocol schema on arrival) and each slice takes what is its own.
 */
export interface PageState {
  connection: ConnectionState;
  run: RunState;
  lessonCheck: LessonCheckState | null;
  classSession: ClassSessionState;
}

export type PageAction = RunAction | ClassSessionAction;

export const initialPageState: PageState = {
  connection: "connecting",
  run: initialRunState,
  lessonCheck: initialLessonCheck,
  classSession: initialClassSession,
};

/** Pure: each slice after one action; a slice the action does not concern keeps its identity, as does the page. */
export function reducePage(state: PageState, action: PageAction): PageState {
  switch (action.type) {
    case "server-batch":
      return action.messages.reduce((page, message) => reducePage(page, { type: "server", message }), state);
    case "server":
      return withSlices(state, {
        run: reduceRun(state.run, action),
        lessonCheck: reduceLessonCheck(state.lessonCheck, action.message),
        classSession: reduceClassSession(state.classSession, action),
      });
    case "connection":
      return withSlices(state, { connection: action.state, classSession: reduceClassSession(state.classSession, action) });
    case "class/open":
    case "class/close":
      return withSlices(state, { classSession: reduceClassSession(state.classSession, action) });
    default:
      return withSlices(state, { run: reduceRun(state.run, action) });
  }
}

function withSlices(state: PageState, slices: Partial<PageState>): PageState {
  const changed = (Object.keys(slices) as Array<keyof PageState>).some((key) => slices[key] !== state[key]);
  return changed ? { ...state, ...slices } : state;
}
