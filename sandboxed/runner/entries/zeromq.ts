/**
 * What `import ... from "zeromq"` gives a learner's program: zeromq.js v6 with every socket traced and Proxy as
 * a visible JS loop. Everything else is the real module's own export.
 */
import { zmq } from "../traced/real-zeromq.js";
import * as tracedClasses from "../traced/classes.js";
import { Proxy } from "../traced/proxy.js";
import { Observer } from "../traced/observer-tee.js";
import "../traced/device-hook.js";
import "../traced/process-host-hook.js";
import "../traced/exit-report.js";

export {
  Pair,
  Publisher,
  Subscriber,
  Request,
  Reply,
  Dealer,
  Router,
  Push,
  Pull,
  XPublisher,
  XSubscriber,
  Stream,
  Context,
} from "../traced/classes.js";
export { Proxy, Observer };
export const { Socket, context, version, capability, curveKeyPair } = zmq;

export default { ...zmq, ...tracedClasses, Proxy, Observer };
