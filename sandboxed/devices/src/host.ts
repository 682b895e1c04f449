import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { closeForStop, openPlan, runPlan, type DevicePlan, type Endpoints, type OpenedSockets } from "./plan.js";

/**
 * The entry of a background device's worker thread or child process. Launchers start this very module (its own
 * URL, not a sibling file) so a bundled zmq-devices still finds its entry: the bundle is the entry.
 */
export const HOST_URL = import.meta.url;
/** Marks a worker (workerData key) or child process (argv flag) as a device host rather than a learner's program. */
export const HOST_MARKER = "zmq-devices-host";

export type ToHost = { type: "start"; plan: DevicePlan } | { type: "stop" };
export type FromHost = { type: "ready"; endpoints: Endpoints } | { type: "failed"; message: string } | { type: "ended"; error?: string };

interface Channel {
  send(message: FromHost): void;
  /** Tells a parent blocked in its 'exit' handler that nothing is pending any more. */
  socketsClosed(): void;
  onMessage(listener: (message: ToHost) => void): void;
  /** Lets the thread or process end once its sockets are closed. */
  close(): void;
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

function serve(channel: Channel, onParentGone: (stop: () => void) => void): void {
  let plan: DevicePlan | undefined;
  let sockets: OpenedSockets | undefined;
  let stopping = false;
  // Closing the sockets is the only way to end pending receives, and a thread must not end with one pending.
  const stop = () => {
    stopping = true;
    if (plan && sockets) closeForStop(plan, sockets);
    else if (!plan) channel.close();
    if (!plan || sockets) channel.socketsClosed();
  };
  const start = async (requested: DevicePlan) => {
    plan = requested;
    let error: string | undefined;
    try {
      const opened = await openPlan(requested);
      sockets = opened.sockets;
      channel.send({ type: "ready", endpoints: opened.endpoints });
      if (stopping) closeForStop(requested, sockets);
      else error = await runPlan(requested, sockets).then(() => undefined, messageOf);
    } catch (err) {
      channel.send({ type: "failed", message: messageOf(err) });
    }
    // Every path here has closed the sockets: openPlan on failure, the device when it ends, or closeForStop.
    channel.socketsClosed();
    channel.send({ type: "ended", ...(error === undefined ? {} : { error }) });
    channel.close();
  };
  channel.onMessage((message) => {
    if (message.type === "stop") stop();
    else if (message.type === "start" && !plan) void start(message.plan);
  });
  onParentGone(stop);
}

const hostData = workerData as { [HOST_MARKER]?: true; socketsClosed?: Int32Array } | undefined;
if (!isMainThread && parentPort && hostData?.[HOST_MARKER]) {
  const port = parentPort;
  const flag = hostData.socketsClosed;
  const raiseFlag = () => flag && (Atomics.store(flag, 0, 1), Atomics.notify(flag, 0));
  serve({ send: (m) => port.postMessage(m), socketsClosed: raiseFlag, onMessage: (l) => port.on("message", l), close: () => port.close() }, () => undefined);
} else if (process.argv[2] === `--${HOST_MARKER}` && process.send) {
  serve(
    {
      send: (m) => process.connected && process.send?.(m),
      socketsClosed: () => undefined,
      onMessage: (l) => process.on("message", (m) => l(m as ToHost)),
      close: () => process.connected && process.disconnect(),
    },
    (stop) => process.once("disconnect", stop),
  );
}
