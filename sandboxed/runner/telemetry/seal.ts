import { createRequire, syncBuiltinESMExports } from "node:module";

const require = createRequire(import.meta.url);

/** What a program sees when it reaches for a tool that could read the runner's memory. */
function refused(what: string): () => never {
  return () => {
    throw new Error(`${what} is not available in a workbench run`);
  };
}

/**
 * The program shares this process with the runner, which holds the run's channel key in a closure. These are the
 * ways a program could read a closure or the heap from inside: the inspector (also via a Session connected to the
 * main thread from a worker), heap snapshots, and raw bindings. Closed before any learner code loads, in every
 * thread (this runs from the preload). SIGUSR1 cannot open the inspector either: the runner's node is started with
 * an inspector port no unprivileged process may bind.
 */
export function sealEscapeHatches(): void {
  // Both loaded before either is changed: the promises flavour wraps the plain module's Session when it loads.
  const inspectors = ["node:inspector", "node:inspector/promises"].map((name) => require(name) as Record<string, unknown>);
  for (const inspector of inspectors) {
    const Session = class {
      constructor() {
        refused("node:inspector")();
      }
    };
    Object.assign(inspector, { Session, open: refused("inspector.open"), url: () => undefined, waitForDebugger: refused("inspector.waitForDebugger") });
  }
  const v8 = require("node:v8") as Record<string, unknown>;
  Object.assign(v8, {
    getHeapSnapshot: refused("v8.getHeapSnapshot"),
    writeHeapSnapshot: refused("v8.writeHeapSnapshot"),
    setHeapSnapshotNearHeapLimit: refused("v8.setHeapSnapshotNearHeapLimit"),
  });
  const internals = process as unknown as Record<string, unknown>;
  for (const name of ["binding", "_linkedBinding", "_debugProcess", "_debugEnd"]) internals[name] = refused(`process.${name}`);
  syncBuiltinESMExports();
}
