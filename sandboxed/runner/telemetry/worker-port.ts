import workerThreads, { isMainThread, MessageChannel, type MessagePort, type WorkerOptions } from "node:worker_threads";
import { syncBuiltinESMExports } from "node:module";
import { fileURLToPath } from "node:url";

/**
 * Worker threads send their telemetry to the main thread over a MessagePort of their own, handed over in the
 * worker's workerData and taken out again before the program's code in the worker runs. A channel every thread
 * could open by name (BroadcastChannel) would let the program post batches the main thread signs as its own.
 */
const WRAPPED = "__zmqWorkbenchTelemetryPort";

interface Wrapped {
  [WRAPPED]: MessagePort;
  data: unknown;
}

/** How Node tells ES module code given to `eval` workers; only those load --import preloads, as file workers do. */
const ESM_SYNTAX = /^\s*(?:import|export)\b/m;

/** The preload, as a file a CommonJS `eval` worker can require (Node ≥ 20.19 requires ES modules). */
const PRELOAD_FILE = fileURLToPath(new URL("./register.mjs", import.meta.url));

/**
 * Main thread, for each new worker: its options with a private port added, and the other end for the main thread.
 * A CommonJS `eval` worker skips --import preloads, so its code starts by requiring the preload itself (on the same
 * line, so the learner's line numbers stay as written): the port, the resolve hooks and the seals, as elsewhere.
 */
export function withTelemetryPort(
  script: unknown,
  options: WorkerOptions | undefined,
): { script: unknown; options: WorkerOptions | undefined; port: MessagePort } {
  const commonJsEval = options?.eval === true && typeof script === "string" && !ESM_SYNTAX.test(script);
  const { port1, port2 } = new MessageChannel();
  const given = options ?? {};
  const workerData: Wrapped = { [WRAPPED]: port2, data: given.workerData };
  return {
    script: commonJsEval ? `require(${JSON.stringify(PRELOAD_FILE)});${script}` : script,
    options: { ...given, workerData, transferList: [...(given.transferList ?? []), port2] },
    port: port1,
  };
}

let ownPort: MessagePort | undefined;

/** In a worker, from the preload: keeps the port privately and gives the program its own workerData back. */
export function takeTelemetryPort(): void {
  if (isMainThread) return;
  const data = workerThreads.workerData as Partial<Wrapped> | undefined;
  if (!data || typeof data !== "object" || !(WRAPPED in data)) return;
  ownPort = data[WRAPPED];
  (workerThreads as { workerData: unknown }).workerData = data.data;
  syncBuiltinESMExports();
}

/** This worker's port to the main thread; undefined in a worker the runner did not start (its telemetry is lost). */
export function telemetryPort(): MessagePort | undefined {
  return ownPort;
}
