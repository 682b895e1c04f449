import type { Assertion } from "../../protocol/lessons.js";
import type { TraceView } from "./trace-view.js";

export type { TraceView, SocketView, MessageView, EdgeView, LinkView, DropView, Exchange } from "./trace-view.js";

/** Records one named assertion; `fail` tells the learner what to change, `pass` (optional) what was seen. */
export type Expect = (name: string, passed: boolean, fail: string, pass?: string) => void;

export type LessonCheck = (trace: TraceView) => Assertion[];

/**
 * A lesson's check: named assertions over what the sockets actually did, never over what the program printed
 * alone. Each `lessons/.../check.ts` default-exports `defineCheck((trace, expect) => { ... })`.
 */
export function defineCheck(body: (trace: TraceView, expect: Expect) => void): LessonCheck {
  return (trace) => {
    const assertions: Assertion[] = [];
    const expect: Expect = (name, passed, fail, pass) => assertions.push({ name, passed, message: passed ? (pass ?? "Done.") : fail });
    body(trace, expect);
    return assertions;
  };
}
