import { fork } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { type ProcessHostHook, workbenchGlobal } from "../../workbench-globals.js";
import { HOST_MARKER, HOST_URL, type FromHost, type ToHost } from "./host.js";

/** A running device host (worker thread or child process), seen from the thread that started it. */
export interface HostHandle {
  /** threadId of the worker, or pid of the child. */
  readonly id: number;
  send(message: ToHost): void;
  onMessage(listener: (message: FromHost) => void): void;
  /** Settles when the thread or process has ended; carries its exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  ref(): void;
  unref(): void;
  /** Last resort when a stop request is not honoured in time. */
  kill(): void;
  /** For process 'exit' handlers: ends the host without returning to the event loop. */
  stopNow(): void;
}

/** How long a hard exit waits for a device thread to close its sockets (a worker torn down mid-receive aborts). */
const HARD_STOP_MS = 1_000;

const fromSources = HOST_URL.endsWith(".ts");

/** Running from TypeScript sources (tests, `tsx`) a child needs tsx's loader; a built .js host needs nothing. */
function loaderArgv(): string[] | undefined {
  return fromSources ? [...process.execArgv, "--import", "tsx"] : undefined;
}

/** Node 20 workers do not pick up tsx's hooks from execArgv, so from sources the worker registers them itself. */
function threadEntry(): { entry: string | URL; eval: boolean } {
  if (!fromSources) return { entry: new URL(HOST_URL), eval: false };
  const tsxApi = pathToFileURL(createRequire(HOST_URL).resolve("tsx/package.json")).href.replace(/package\.json$/, "dist/esm/api/index.mjs");
  const code = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(HOST_URL)}); });`;
  return { entry: code, eval: true };
}

export function launchThread(): HostHandle {
  const { entry, eval: isCode } = threadEntry();
  // The host raises this flag once its sockets are closed; a blocked 'exit' handler can wait on it.
  const socketsClosed = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(entry, { eval: isCode, workerData: { [HOST_MARKER]: true, socketsClosed } });
  const exited = new Promise<number | null>((resolve) => worker.once("exit", resolve));
  // An uncaught error in the host ends the worker; its exit code tells the waiting side, so nothing else to do.
  worker.on("error", (err) => process.emitWarning(`zmq-devices: device thread failed: ${err.message}`));
  return {
    id: worker.threadId,
    send: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on("message", listener),
    exited,
    ref: () => worker.ref(),
    unref: () => worker.unref(),
    kill: () => void worker.terminate(),
    stopNow: () => {
      worker.postMessage({ type: "stop" } satisfies ToHost);
      Atomics.wait(socketsClosed, 0, 0, HARD_STOP_MS);
    },
  };
}

/** The workbench's optional tracer of device processes; see README "Workbench trace hook". */
function processHostHook(): ProcessHostHook {
  const hook = workbenchGlobal("__zmqWorkbenchProcessHost");
  return typeof hook === "object" && hook !== null ? hook : {};
}

export function launchProcess(): HostHandle {
  const hook = processHostHook();
  const env = hook.env ? { ...process.env, ...hook.env } : undefined;
  const child = fork(fileURLToPath(HOST_URL), [`--${HOST_MARKER}`], { serialization: "advanced", execArgv: loaderArgv(), env });
  try {
    hook.attach?.(child);
  } catch {
    // Tracing is best effort; the device must run the same with or without it.
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.on("error", (err) => process.emitWarning(`zmq-devices: device process failed: ${err.message}`));
  return {
    id: child.pid ?? -1,
    send: (message) => void (child.connected && child.send(message)),
    onMessage: (listener) => child.on("message", (m) => listener(m as FromHost)),
    exited,
    ref: () => {
      child.ref();
      child.channel?.ref();
    },
    unref: () => {
      child.unref();
      child.channel?.unref();
    },
    kill: () => void child.kill("SIGKILL"),
    // A process takes its sockets with it; no need to wait.
    stopNow: () => void child.kill("SIGTERM"),
  };
}
