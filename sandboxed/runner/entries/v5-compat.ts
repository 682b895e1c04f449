/**
 * What `zeromq/v5-compat` gives a learner's program: zeromq.js's own compatibility layer (`zmq.socket("push")`,
 * `on("message")`), bundled so that its sockets are the traced classes (the bundler points its `require(".")` at
 * the traced module; see server/sandbox/runner-bundle.ts).
 */
// @ts-expect-error zeromq ships no declaration for its internal file; its public one is zeromq/v5-compat.
import * as compatModule from "zeromq/lib/compat";

const compat = ((compatModule as { default?: unknown }).default ?? compatModule) as typeof import("zeromq/v5-compat.js");

export const { socket, createSocket, Socket, Context, options, proxy, curveKeypair, version } = compat;
export default compat;
