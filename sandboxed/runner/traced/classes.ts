import { zmq } from "./real-zeromq.js";
import { assertKnownOptions, optionTable, optionValueForTrace } from "./options.js";
import { socketEvent } from "./socket-trace.js";
import { contextSocketCap } from "./socket-slots.js";
import { traceOf, tracedSocketClass } from "./traced-socket.js";

export const Pair = tracedSocketClass(zmq.Pair, "PAIR");
export const Publisher = tracedSocketClass(zmq.Publisher, "PUB");
export const Request = tracedSocketClass(zmq.Request, "REQ");
export const Reply = tracedSocketClass(zmq.Reply, "REP");
export const Dealer = tracedSocketClass(zmq.Dealer, "DEALER");
export const Router = tracedSocketClass(zmq.Router, "ROUTER");
export const Push = tracedSocketClass(zmq.Push, "PUSH");
export const Pull = tracedSocketClass(zmq.Pull, "PULL");
export const XPublisher = tracedSocketClass(zmq.XPublisher, "XPUB");
export const XSubscriber = tracedSocketClass(zmq.XSubscriber, "XSUB");
export const Stream = tracedSocketClass(zmq.Stream, "STREAM");

type Prefix = string | Buffer;

/** Subscriptions are methods, not option properties, so they are reported here. */
export class Subscriber extends tracedSocketClass(zmq.Subscriber, "SUB") {
  override subscribe(...prefixes: Prefix[]): void {
    super.subscribe(...prefixes);
    const trace = traceOf(this);
    trace.subscribed = true;
    socketEvent(trace, "socket/option", { name: "subscribe", value: prefixValues(prefixes) });
  }

  override unsubscribe(...prefixes: Prefix[]): void {
    super.unsubscribe(...prefixes);
    socketEvent(traceOf(this), "socket/option", { name: "unsubscribe", value: prefixValues(prefixes) });
  }
}

function prefixValues(prefixes: Prefix[]): unknown {
  return prefixes.length === 0 ? "" : prefixes.map(optionValueForTrace);
}

const contextOptions = optionTable(zmq.Context);

/** A learner's own context gets the same socket cap as the shared one, and its options are checked first. */
export class Context extends zmq.Context {
  constructor(options?: ConstructorParameters<typeof zmq.Context>[0]) {
    assertKnownOptions(contextOptions, options, "Context");
    super();
    this.maxSockets = contextSocketCap();
    Object.assign(this, options ?? {});
  }
}
