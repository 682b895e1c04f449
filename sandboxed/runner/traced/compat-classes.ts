/**
 * What zeromq.js's v5 compatibility layer gets for its `require(".")`: the traced module, with socket classes
 * that mark their sockets as the layer's. The layer starts a receive loop as soon as a socket is made, so the
 * "receives before it sends / subscribes" warnings would be false for its sockets.
 */
import * as classes from "./classes.js";
import { traceOf } from "./traced-socket.js";

export * from "../entries/zeromq.js";

type SocketClass = abstract new (...args: never[]) => object;

function forCompat<C extends SocketClass>(Base: C): C {
  const Real = Base as unknown as new (...args: unknown[]) => object;
  const Marked = class extends Real {
    constructor(...args: unknown[]) {
      super(...args);
      traceOf(this).compat = true;
    }
  };
  Object.defineProperty(Marked, "name", { value: Base.name });
  return Marked as unknown as C;
}

export const Pair = forCompat(classes.Pair);
export const Publisher = forCompat(classes.Publisher);
export const Subscriber = forCompat(classes.Subscriber);
export const Request = forCompat(classes.Request);
export const Reply = forCompat(classes.Reply);
export const Dealer = forCompat(classes.Dealer);
export const Router = forCompat(classes.Router);
export const Pull = forCompat(classes.Pull);
export const Push = forCompat(classes.Push);
export const XPublisher = forCompat(classes.XPublisher);
export const XSubscriber = forCompat(classes.XSubscriber);
export const Stream = forCompat(classes.Stream);
