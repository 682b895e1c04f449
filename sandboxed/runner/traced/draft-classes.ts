import { createRequire } from "node:module";
import { optionValueForTrace } from "./options.js";
import { socketEvent } from "./socket-trace.js";
import { traceOf, tracedSocketClass } from "./traced-socket.js";

/**
 * zeromq.js's draft sockets (libzmq built with draft support, as the 6.8.0 prebuilt is). Loaded on first use: the
 * real `zeromq/draft` prints Node's "draft features are experimental" warning, as it does without the workbench.
 */
const draft = createRequire(import.meta.url)("zeromq/draft") as typeof import("zeromq/draft.js");

export const Server = tracedSocketClass(draft.Server, "SERVER");
export const Client = tracedSocketClass(draft.Client, "CLIENT");
export const Radio = tracedSocketClass(draft.Radio, "RADIO");
export const Gather = tracedSocketClass(draft.Gather, "GATHER");
export const Scatter = tracedSocketClass(draft.Scatter, "SCATTER");
export const Datagram = tracedSocketClass(draft.Datagram, "DATAGRAM");

type Group = string | Buffer;

/** Groups are joined by method, not by option, so they are reported here as SUB's subscriptions are. */
export class Dish extends tracedSocketClass(draft.Dish, "DISH") {
  override join(...groups: Group[]): void {
    super.join(...groups);
    const trace = traceOf(this);
    trace.subscribed = true;
    socketEvent(trace, "socket/option", { name: "join", value: groups.map(optionValueForTrace) });
  }

  override leave(...groups: Group[]): void {
    super.leave(...groups);
    socketEvent(traceOf(this), "socket/option", { name: "leave", value: groups.map(optionValueForTrace) });
  }
}
