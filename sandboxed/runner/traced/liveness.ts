import { syncBuiltinESMExports } from "node:module";
import workerThreads from "node:worker_threads";
import { withTelemetryPort } from "../telemetry/worker-port.js";
import { listenToWorker } from "../telemetry/sink.js";

/**
 * Our Observers wait on native poll handles that libuv counts as "alive" and that cannot be unref'd. So that a
 * program ends exactly when it would without tracing, they are closed once nothing of the program's own is
 * left: no traced bind/unbind/send/receive or learner Observer pending, no worker running, and no Node resource
 * (timers, sockets, child processes, fs requests) that keeps the event loop alive.
 *
 * Closing too early is worse than a hang at exit: libzmq sends monitor events with blocking sends, so once the
 * Observer is gone the next event of a still-busy socket blocks libzmq's I/O thread and all traffic stops
 * (measured: a pending bind() was invisible here and froze a tcp flood). Only context termination at exit
 * unblocks those sends, which is why closing when truly idle is safe. Monitors of closed sockets are never
 * closed here (they end by themselves); work on untraced sockets (`zeromq/lib/...`) is invisible to this check.
 */
const CHECK_INTERVAL_MS = 20;

let pendingOperations = 0;
let runningWorkers = 0;
const closers = new Set<() => void>();
let timer: NodeJS.Timeout | undefined;

export function operationStarted(): void {
  pendingOperations++;
}

export function operationEnded(): void {
  pendingOperations--;
}

/** Registers something that must be closed when only workbench handles keep the process alive. */
export function holdUntilIdle(close: () => void): () => void {
  closers.add(close);
  timer ??= setInterval(closeIfIdle, CHECK_INTERVAL_MS).unref();
  return () => {
    closers.delete(close);
    if (closers.size === 0) stopTimer();
  };
}

function stopTimer(): void {
  clearInterval(timer);
  timer = undefined;
}

/**
 * getActiveResourcesInfo also lists the stdout/stderr pipes, which are ref'd but only keep the loop alive while a
 * write is pending (that write is listed on its own).
 */
function programResources(): string[] {
  const resources = process.getActiveResourcesInfo();
  for (const stream of [process.stdout, process.stderr]) {
    const type = (stream as { _type?: string })._type;
    const name = type === "pipe" ? "PipeWrap" : type === "tty" ? "TTYWrap" : undefined;
    const index = name ? resources.indexOf(name) : -1;
    if (index >= 0) resources.splice(index, 1);
  }
  return resources;
}

function closeIfIdle(): void {
  if (pendingOperations > 0 || runningWorkers > 0 || programResources().length > 0) return;
  const all = [...closers];
  closers.clear();
  stopTimer();
  for (const close of all) close();
}

/**
 * Worker threads keep the process alive but are not listed by getActiveResourcesInfo, so the runner counts them
 * (ref'd ones only, like Node) through a subclass that replaces `Worker` for every importer.
 */
export function countWorkerThreads(): void {
  const Base = workerThreads.Worker;
  class CountedWorker extends Base {
    private holding = false;
    private exited = false;
    constructor(...args: ConstructorParameters<typeof Base>) {
      const { script, options, port } = withTelemetryPort(args[0], args[1]);
      super(script as ConstructorParameters<typeof Base>[0], options);
      listenToWorker(port);
      this.hold(true);
      this.once("exit", () => {
        this.hold(false);
        this.exited = true;
      });
    }
    override ref(): void {
      super.ref();
      this.hold(true);
    }
    override unref(): void {
      super.unref();
      this.hold(false);
    }
    private hold(on: boolean): void {
      if (on === this.holding || this.exited) return;
      this.holding = on;
      runningWorkers += on ? 1 : -1;
    }
  }
  Object.defineProperty(CountedWorker, "name", { value: "Worker" });
  workerThreads.Worker = CountedWorker;
  syncBuiltinESMExports();
}
