import { isMainThread } from "node:worker_threads";
import type { Socket } from "zeromq";
import { errorCode } from "./explain.js";
import { holdUntilIdle } from "./liveness.js";
import { zmq } from "./real-zeromq.js";
import { socketEvent, type SocketTrace } from "./socket-trace.js";

export interface ObservedEvent {
  type: string;
  address?: string;
  interval?: number;
  error?: unknown;
}
export type ObservedListener = (event: ObservedEvent) => void;

/** While a connect keeps failing, one connect:retry per endpoint per this many ms reaches the trace. */
const RETRY_REPORT_MS = 1_000;

interface RetryState {
  lastReport: number;
  unreported: number;
}

/**
 * The one libzmq monitor a socket can have, opened by the workbench before the socket's first tcp/ipc bind or
 * connect so no event is lost. Learner Observers on the socket are fed from it (observer-tee.ts). Only on the
 * main thread: a worker that ends while an Observer waits aborts the whole process.
 */
export class SocketMonitor {
  private observer: InstanceType<typeof zmq.Observer> | undefined;
  private release: (() => void) | undefined;
  private readonly retrying = new Map<string, RetryState>();
  readonly listeners = new Set<ObservedListener>();

  constructor(
    private readonly socket: Socket,
    private readonly trace: SocketTrace,
  ) {}

  get canStart(): boolean {
    return isMainThread;
  }

  start(): void {
    if (this.observer || !isMainThread || this.socket.closed) return;
    const observer = new zmq.Observer(this.socket);
    this.observer = observer;
    this.trace.monitored = true;
    this.release = holdUntilIdle(() => observer.close());
    void this.pump(observer);
  }

  /**
   * A closed socket's monitor ends by itself (`end`) once libzmq has torn the socket down. Until then it must stay
   * open, whatever the idle check says: the teardown's own events (disconnect, close) would otherwise block.
   */
  socketClosed(): void {
    this.release?.();
    this.release = undefined;
  }

  private async pump(observer: InstanceType<typeof zmq.Observer>): Promise<void> {
    for (;;) {
      let event: ObservedEvent | undefined;
      try {
        event = observer.closed ? undefined : await observer.receive();
      } catch {
        event = undefined;
      }
      if (!event) break;
      this.report(event);
      for (const listener of this.listeners) listener(event);
      if (event.type === "end") break;
    }
    this.trace.tornDown = true;
    this.socketClosed();
  }

  private report(event: ObservedEvent): void {
    const endpoint = event.address || undefined;
    if (event.type === "handshake") {
      this.trace.peers++;
      this.trace.sentWithoutPeer = 0; // libzmq hands the queued messages to the new peer
    }
    if (event.type === "disconnect") this.trace.peers = Math.max(0, this.trace.peers - 1);
    const retries = this.retryCount(event, endpoint);
    if (retries === null) return;
    const code = event.error === undefined ? undefined : (errorCode(event.error) ?? String(event.error));
    socketEvent(this.trace, "socket/event", {
      event: event.type,
      ...(endpoint ? { endpoint } : {}),
      ...(typeof event.interval === "number" ? { interval: event.interval } : {}),
      ...(retries > 0 ? { retries } : {}),
      ...(code ? { error: code } : {}),
    });
  }

  /**
   * A refused connect repeats connect:delay, close, connect:retry every ~100-200 ms: the first round is reported,
   * then one connect:retry a second with how many attempts it stands for. null means "not reported".
   */
  private retryCount(event: ObservedEvent, endpoint: string | undefined): number | null {
    if (!endpoint) return 0;
    const state = this.retrying.get(endpoint);
    if (event.type === "connect" || event.type === "handshake") this.retrying.delete(endpoint);
    if (event.type === "connect:retry") {
      if (!state) {
        this.retrying.set(endpoint, { lastReport: performance.now(), unreported: 0 });
        return 1;
      }
      state.unreported++;
      if (performance.now() - state.lastReport < RETRY_REPORT_MS) return null;
      state.lastReport = performance.now();
      const retries = state.unreported;
      state.unreported = 0;
      return retries;
    }
    if (state && (event.type === "connect:delay" || event.type === "close")) return null;
    return 0;
  }
}

const monitors = new WeakMap<SocketTrace, SocketMonitor>();

export function monitorOf(socket: Socket, trace: SocketTrace): SocketMonitor {
  let monitor = monitors.get(trace);
  if (!monitor) monitors.set(trace, (monitor = new SocketMonitor(socket, trace)));
  return monitor;
}

export function monitoredSocketClosed(trace: SocketTrace): void {
  monitors.get(trace)?.socketClosed();
}

/** Observer events exist for tcp and ipc only; inproc gives just `end`, not worth a monitor. */
export function observeBefore(socket: Socket, trace: SocketTrace, endpoint: string): void {
  if (/^(tcp|ipc):\/\//.test(endpoint)) monitorOf(socket, trace).start();
}
