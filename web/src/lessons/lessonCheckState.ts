import type { CheckResult } from "../../../protocol/lessons.js";
import type { ServerMessage } from "../../../protocol/ws.js";

/** The newest lesson check the server sent, and the run it judged. */
export interface LessonCheckState {
  runId: string;
  check: CheckResult;
}

export const initialLessonCheck: LessonCheckState | null = null;

/** Pure: a `check/result` replaces the last check; every other message leaves it as it is. */
export function reduceLessonCheck(state: LessonCheckState | null, message: ServerMessage): LessonCheckState | null {
  return message.type === "check/result" ? { runId: message.meta.runId, check: message.payload } : state;
}
