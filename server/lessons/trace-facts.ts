import type { Frame } from "../../protocol/trace.js";
import type { MessageView, SocketView, TraceView } from "./trace-view.js";

/**
 * Facts about the work a program did, read from its sockets' records: which socket's send a receive was, whether a
 * device's output is what it took in, whether a reply answers its request. Checks build on these rather than on
 * counts, so a program that makes its output up, or prints what the check wants, does not pass.
 */

/** A frame's text from its recorded first bytes (head), else from the short preview. */
export function frameText(frame: Frame | undefined): string {
  return frame?.head ? Buffer.from(frame.head, "base64").toString("utf8") : (frame?.preview ?? "");
}

/** The body frames (routing envelope left out) as text. */
export function bodyTexts(m: MessageView): string[] {
  return m.frames.filter((f) => !f.envelope).map(frameText);
}

/** Messages `to` received that were sends of one of `senders`, as the trace attributes them. */
export function receivedFrom(to: SocketView[], senders: SocketView[]): MessageView[] {
  const ids = new Set(senders.map((s) => s.id));
  return to.flatMap((s) => s.received).filter((m) => m.from !== undefined && ids.has(m.from));
}

/**
 * A device's output against its input: `copied` are sends on `outputs` whose body fingerprint an input socket had
 * received before; `madeUp` are sends that no input ever received.
 */
export function relay(inputs: SocketView[], outputs: SocketView[]): { copied: MessageView[]; madeUp: MessageView[] } {
  const taken = inputs.flatMap((s) => s.received).filter((m) => m.fp !== undefined);
  const copied: MessageView[] = [];
  const madeUp: MessageView[] = [];
  for (const sent of outputs.flatMap((s) => s.sent)) {
    (taken.some((m) => m.fp === sent.fp && m.t <= sent.t) ? copied : madeUp).push(sent);
  }
  return { copied, madeUp };
}

/** Pairs each send of a lock-step socket (REQ) with the receive that followed it. */
export function exchanges(s: SocketView): { request: MessageView; reply: MessageView | undefined }[] {
  return s.sent.map((request, i) => ({ request, reply: s.received[i] }));
}

/** Sockets the program opened and never closed. */
export function unclosed(trace: TraceView): SocketView[] {
  return trace.sockets().filter((s) => !s.closed);
}

/** The sockets connected to `s` (either direction). */
export function peersOf(trace: TraceView, s: SocketView): SocketView[] {
  return trace
    .edges()
    .flatMap((e) => (e.from === s.id ? [e.to] : e.to === s.id ? [e.from] : []))
    .map((id) => trace.socket(id))
    .filter((p): p is SocketView => p !== undefined);
}

/** The sockets of `kinds` bound somewhere. */
export function boundSockets(trace: TraceView, ...kinds: Parameters<TraceView["sockets"]>): SocketView[] {
  return trace.sockets(...kinds).filter((s) => s.binds.length > 0);
}

/** "1 message", "3 messages". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** A socket as the learner knows it: its kind and where it was created, e.g. "REQ main.ts:6". */
export function named(s: SocketView | undefined): string {
  return s?.label ?? "a socket";
}

/**
 * Lock-step exchanges of `clients` (REQ) whose reply came from one of `servers` and answers its request by
 * `answers(request, reply)` on the body texts; `wrong` are replies that came back but do not answer.
 */
export function answeredRequests(clients: SocketView[], servers: SocketView[], answers: (request: string, reply: string) => boolean) {
  const ids = new Set(servers.map((s) => s.id));
  const pairs = clients.flatMap(exchanges).filter((x) => x.reply !== undefined && x.reply.from !== undefined && ids.has(x.reply.from));
  const ok = pairs.filter((x) => answers(bodyTexts(x.request).join(" "), bodyTexts(x.reply!).join(" ")));
  const wrong = pairs.filter((x) => !ok.includes(x)).map((x) => ({ request: bodyTexts(x.request).join(" "), reply: bodyTexts(x.reply!).join(" ") }));
  return { ok: ok.length, wrong };
}

/**
 * Requests of `client` that `servers` really received (same body, attributed to the client) and that were then
 * answered: a reply from one of `servers`, received after the request arrived, whose body names the request's body.
 * Canned answers, and answers made up before any request arrived, do not count.
 */
export function answeredJobs(client: SocketView, servers: SocketView[]): { asked: number; answered: number } {
  const ids = new Set(servers.map((s) => s.id));
  const arrivals = servers.flatMap((s) => s.received).filter((m) => m.from === client.id);
  const replies = client.received.filter((m) => m.from !== undefined && ids.has(m.from));
  let asked = 0;
  let answered = 0;
  for (const request of client.sent) {
    const arrived = arrivals.find((m) => m.fp === request.fp);
    if (!arrived) continue;
    asked++;
    const text = bodyTexts(request).join(" ");
    if (replies.some((r) => r.t >= arrived.t && bodyTexts(r).join(" ").includes(text))) answered++;
  }
  return { asked, answered };
}
