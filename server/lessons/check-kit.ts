import type { Assertion } from "../../protocol/lessons.js";
import { count, relay } from "./trace-facts.js";
import type { SocketView } from "./trace-view.js";
import type { TraceView } from "./trace-view.js";

export type { TraceView, SocketView, MessageView, EdgeView, LinkView, DropView, Exchange } from "./trace-view.js";
export * from "./trace-facts.js";

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

/** The assertion every lesson ends with: the run's own verdict, as the supervisor decided it. */
export function expectFinished(trace: TraceView, expect: Expect): void {
  expect("The program finished cleanly", trace.ok, `The run ended: ${trace.exit?.message ?? "it did not finish"} Fix that first, then run again.`);
}

/** Every socket closed: the technique, not just the result. */
export function expectAllClosed(trace: TraceView, expect: Expect): void {
  const open = trace.sockets().filter((s) => !s.closed);
  expect(
    "Every socket is closed",
    open.length === 0,
    `${open.map((s) => `${s.name} (${s.kind})`).join(", ")} ${open.length === 1 ? "was" : "were"} never closed. Call close() on each socket when you are done with it.`,
  );
}

/**
 * A device's one direction: at least `min` messages went from `inputs` out of `outputs` unchanged, and nothing came
 * out that had not gone in. `advice` says what to do when too few went through.
 */
export function expectRelay(expect: Expect, name: string, inputs: SocketView[], outputs: SocketView[], min: number, advice: string): void {
  const { copied, madeUp } = relay(inputs, outputs);
  const into = inputs.map((s) => s.label).join(", ") || "the device's input";
  const out = outputs.map((s) => s.label).join(", ") || "the device's output";
  expect(
    name,
    copied.length >= min && madeUp.length === 0,
    madeUp.length > 0
      ? `${out} sent ${count(madeUp.length, "message")} that ${into} never received (e.g. "${madeUp[0].body.join(" ")}"). A device passes on what it receives, unchanged.`
      : `${count(copied.length, "message")} went from ${into} out through ${out}; at least ${min} should. ${advice}`,
    `${copied.length} messages went from ${into} out through ${out}, unchanged.`,
  );
}
