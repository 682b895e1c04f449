import { createRequire } from "node:module";

/**
 * The real zeromq.js, found from the runner bundle's own folder (inside the repository) and loaded with require,
 * which the runner's ESM hooks never redirect to the traced module.
 */
export const zmq: typeof import("zeromq") = createRequire(import.meta.url)("zeromq");
