import { diagnoseOnce, type SocketTrace } from "./socket-trace.js";

/** Mistakes that make a program hang silently, said while the learner can still see which call caused them. */
export function beforeSend(trace: SocketTrace): void {
  if (trace.kind === "REQ") {
    if (trace.awaitingReply) {
      diagnoseOnce(
        trace,
        "req-send-twice",
        `${trace.id} (REQ) sends again before receiving the reply to its last request; REQ must alternate send() and receive().`,
        "error",
      );
    }
    trace.awaitingReply = true;
  } else if (trace.kind === "REP") {
    if (!trace.owesReply) {
      diagnoseOnce(
        trace,
        "rep-send-before-receive",
        `${trace.id} (REP) sends before it has received a request; REP must receive() first, then send() the reply.`,
        "error",
      );
    }
    trace.owesReply = false;
  }
}

export function beforeReceive(trace: SocketTrace): void {
  if (trace.compat) return;
  if (trace.kind === "REQ" && !trace.awaitingReply) {
    diagnoseOnce(
      trace,
      "req-receive-before-send",
      `${trace.id} (REQ) waits for a reply but has not sent a request; it will wait forever. Call send() first.`,
      "error",
    );
  } else if (trace.kind === "SUB" && !trace.subscribed) {
    diagnoseOnce(
      trace,
      "sub-no-subscription",
      `${trace.id} (SUB) waits for messages but has not subscribed to anything, so it will never receive one. Call subscribe() (no argument = everything).`,
      "warning",
    );
  }
}

export function afterReceive(trace: SocketTrace): void {
  if (trace.kind === "REQ") trace.awaitingReply = false;
  else if (trace.kind === "REP") trace.owesReply = true;
}
