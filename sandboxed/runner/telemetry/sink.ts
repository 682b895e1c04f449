import { isMainThread, threadId, type MessagePort } from "node:worker_threads";
import type { SocketTotals, TraceEvent } from "../../../protocol/trace.js";
import { writeChannelMessage, writeEvents } from "./channel-writer.js";
import { eventTime, fromWorkerTime } from "./clock.js";
import { inTracedChild, stampsRunTime } from "./process-scope.js";
import { RateMeter } from "./rates.js";
import { telemetryPort } from "./worker-port.js";

export type Totals = Record<string, SocketTotals>;

const FLUSH_INTERVAL_MS = 25;
const FLUSH_AT_EVENTS = 256;
const TOTALS_INTERVAL_MS = 100;

interface WorkerBatch {
  thread: number;
  events: TraceEvent[];
  totals: Totals;
}

/** What a traced child process sends its parent over the IPC channel. */
export interface ChildBatch {
  type: typeof CHILD_BATCH_TYPE;
  pid: number;
  events: TraceEvent[];
  totals: Totals;
}
export const CHILD_BATCH_TYPE = "zmq-workbench/telemetry";

let queue: TraceEvent[] = [];
let localTotals: () => Totals = () => ({});
/** The latest totals of each traced child process this thread started, by pid. */
const childTotals = new Map<number, Totals>();
const ownTotals = (): Totals => Object.assign({}, ...childTotals.values(), localTotals());
let flushBatch: () => void = () => {};
/** Main thread: takes a batch a worker posted on its private port (worker-port.ts). */
let acceptWorkerBatch: (batch: WorkerBatch) => void = () => {};
const WORKER_DRAIN_MS = 30;
/** At most this long the main thread waits at its end for worker threads' last batches (ms). */
const WORKER_LAST_BATCH_WAIT_MS = 1_000;
/** Worker telemetry ports still open: a worker's port closes once it has exited and its messages are delivered. */
const openWorkerPorts = new Set<MessagePort>();
const UNREAD_EVENTS_KEPT = 1_000;
let started = false;
/** Once the process is exiting no timer fires again, so events from later exit handlers go out at once. */
let exiting = false;

/** The traced module tells the sink how to read this thread's per-socket counters. */
export function setTotalsProvider(provider: () => Totals): void {
  localTotals = provider;
}

export function emit(event: TraceEvent): void {
  queue.push(event);
  if (!started && inTracedChild) startChildTelemetry();
  else if (!started && !isMainThread) startWorkerTelemetry();
  // A process nobody reads (a child the program forked itself, with the runner's hooks but no channel) keeps
  // only its latest events, so it never grows without bound.
  else if (!started && queue.length > 2 * UNREAD_EVENTS_KEPT) queue.splice(0, queue.length - UNREAD_EVENTS_KEPT);
  if (exiting || queue.length >= FLUSH_AT_EVENTS) flushBatch();
}

function takeQueue(): TraceEvent[] {
  const events = queue;
  queue = [];
  return events;
}

/** Main thread, once the job arrived: batches to fd 3, worker batches forwarded, totals every 100 ms and at exit. */
export function startMainTelemetry(): { flushNow: () => void } {
  started = true;
  const workerTotals = new Map<number, Totals>();
  let lastTotals = "";
  const allTotals = (): Totals => Object.assign({}, ...workerTotals.values(), ownTotals());
  const flushEvents = (): void => {
    if (queue.length > 0) writeEvents(takeQueue());
  };
  const flushTotals = (force: boolean): void => {
    const totals = allTotals();
    const text = JSON.stringify(totals);
    if (!force && text === lastTotals) return;
    lastTotals = text;
    writeChannelMessage({ type: "totals", totals });
  };
  const meter = new RateMeter();
  const measure = (): void => {
    const rates = meter.read(allTotals(), performance.now(), eventTime());
    if (rates) queue.push(rates);
    flushTotals(false);
  };
  flushBatch = flushEvents;
  setInterval(flushEvents, FLUSH_INTERVAL_MS).unref();
  setInterval(measure, TOTALS_INTERVAL_MS).unref();

  acceptWorkerBatch = (batch) => {
    for (const event of batch.events) queue.push({ ...event, t: fromWorkerTime(event.t) });
    workerTotals.set(batch.thread, batch.totals);
    if (queue.length >= FLUSH_AT_EVENTS) flushEvents();
  };

  const flushNow = (): void => {
    flushEvents();
    flushTotals(true);
  };
  // A worker posts its last batch as it exits; when the program ends right after, that batch may still be on its
  // way. Keep the loop alive a moment, once, so it lands (process.exit() skips this, as it skips everything).
  let drained = false;
  process.on("beforeExit", () => {
    if (drained) return;
    drained = true;
    // On a loaded machine a last batch can take far longer than a moment: wait, once, until every worker's port
    // has closed (its messages delivered), or WORKER_LAST_BATCH_WAIT_MS.
    const giveUpAt = Date.now() + WORKER_LAST_BATCH_WAIT_MS;
    const wait = (): void => {
      if (openWorkerPorts.size > 0 && Date.now() < giveUpAt) setTimeout(wait, WORKER_DRAIN_MS);
    };
    setTimeout(wait, WORKER_DRAIN_MS);
  });
  process.on("exit", () => {
    exiting = true;
    flushNow();
  });
  return { flushNow };
}

/**
 * A batch from a traced child process, relayed like this thread's own events. Its times are epoch ms, as a worker's
 * are: the run's main thread converts them, also when they pass through a worker first.
 */
export function acceptChildBatch(batch: ChildBatch): void {
  if (!Number.isInteger(batch.pid) || !Array.isArray(batch.events)) return;
  for (const event of batch.events) queue.push(stampsRunTime ? { ...event, t: fromWorkerTime(event.t) } : event);
  if (batch.totals && typeof batch.totals === "object") childTotals.set(batch.pid, batch.totals);
  if (queue.length >= FLUSH_AT_EVENTS) flushBatch();
}

export function isChildBatch(message: unknown): message is ChildBatch {
  return typeof message === "object" && message !== null && (message as { type?: unknown }).type === CHILD_BATCH_TYPE;
}

/** Sends this thread's events and totals when there is something new; the same rhythm for workers and children. */
function startRelay(send: (events: TraceEvent[], totals: Totals) => void): () => void {
  started = true;
  let lastTotals = "";
  const post = (): void => {
    const totals = ownTotals();
    const text = JSON.stringify(totals);
    if (queue.length === 0 && text === lastTotals) return;
    lastTotals = text;
    send(takeQueue(), totals);
  };
  flushBatch = post;
  setInterval(post, FLUSH_INTERVAL_MS).unref();
  process.on("exit", () => {
    exiting = true;
    post();
  });
  return post;
}

/** Main thread: listens to one worker's private telemetry port. Worker threads cannot reach fd 3 safely. */
export function listenToWorker(port: MessagePort): void {
  port.on("message", (batch: WorkerBatch) => acceptWorkerBatch(batch));
  openWorkerPorts.add(port);
  port.once("close", () => openWorkerPorts.delete(port));
  port.unref();
}

function startWorkerTelemetry(): void {
  const toMain = telemetryPort();
  toMain?.unref();
  startRelay((events, totals) => toMain?.postMessage({ thread: threadId, events, totals } satisfies WorkerBatch));
}

function startChildTelemetry(): void {
  const send = (events: TraceEvent[], totals: Totals): void => {
    if (process.connected) process.send?.({ type: CHILD_BATCH_TYPE, pid: process.pid, events, totals } satisfies ChildBatch);
  };
  const post = startRelay(send);
  // A device host disconnects once its sockets are closed, and then ends: its last events must go out first.
  const disconnect = process.disconnect?.bind(process);
  if (disconnect) {
    process.disconnect = () => {
      post();
      disconnect();
    };
  }
}
