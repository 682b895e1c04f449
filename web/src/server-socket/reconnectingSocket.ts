import type { ClientMessage, ServerMessage } from "../../../protocol/ws.js";
import { parseServerMessage } from "./parseServerMessage.js";
import { Heartbeat } from "./heartbeat.js";

/** The subset of the browser WebSocket the clients use, so tests can hand in a fake. */
export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

/** Schedules a call; returns its cancel. Injected so tests step through reconnects without waiting. */
export type StartTimer = (run: () => void, ms: number) => () => void;

const realTimer: StartTimer = (run, ms) => {
  const handle = setTimeout(run, ms);
  return () => clearTimeout(handle);
};

export const RECONNECT_MIN_MS = 500;
export const RECONNECT_MAX_MS = 5000;
const OPEN = 1;

/** Waits that double from `minMs` up to `maxMs`; `reset` after a success starts again from `minMs`. */
export class Backoff {
  private nextMs: number;

  constructor(
    private readonly minMs = RECONNECT_MIN_MS,
    private readonly maxMs = RECONNECT_MAX_MS,
  ) {
    this.nextMs = minMs;
  }

  next(): number {
    const ms = this.nextMs;
    this.nextMs = Math.min(ms * 2, this.maxMs);
    return ms;
  }

  reset(): void {
    this.nextMs = this.minMs;
  }
}

export interface ReconnectingHandlers {
  /** A new socket is being opened (the first, or after a drop). */
  onConnecting?(): void;
  onOpen(): void;
  /** Every frame that is a protocol message, checked against the schema here, once. Other frames are dropped. */
  onMessage(message: ServerMessage): void;
  /** The socket dropped and a reconnect is scheduled. */
  onDropped(): void;
}

export interface ReconnectingOptions {
  createSocket?: (url: string) => SocketLike;
  startTimer?: StartTimer;
  /** Asked when the socket drops: false leaves it closed (a session that has ended). */
  shouldReconnect?: () => boolean;
}

/**
 * One WebSocket to the server that reconnects with backoff after a drop, until it is closed or told not to. While
 * open it pings the server (heartbeat.ts), so a server that went silent counts as a drop at once, not at the next send.
 */
export class ReconnectingSocket {
  private socket: SocketLike | null = null;
  private closed = false;
  private cancelRetry: (() => void) | null = null;
  private readonly backoff = new Backoff();
  private readonly createSocket: (url: string) => SocketLike;
  private readonly startTimer: StartTimer;
  private readonly heartbeat = new Heartbeat(
    (ping) => this.socket?.send(JSON.stringify(ping)),
    () => this.socket && this.lose(this.socket),
  );

  constructor(
    private readonly url: string,
    private readonly handlers: ReconnectingHandlers,
    private readonly options: ReconnectingOptions = {},
  ) {
    this.createSocket = options.createSocket ?? ((u) => new WebSocket(u) as unknown as SocketLike);
    this.startTimer = options.startTimer ?? realTimer;
    this.connect();
  }

  get isOpen(): boolean {
    return this.socket?.readyState === OPEN;
  }

  /** Sends when open; returns false (and sends nothing) otherwise. */
  send(message: ClientMessage): boolean {
    if (!this.socket || !this.isOpen) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  /** Closes for good: no reconnect follows, and no handler is called any more. */
  close(): void {
    this.closed = true;
    this.heartbeat.stop();
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.socket?.close();
    this.socket = null;
  }

  private connect(): void {
    this.cancelRetry = null;
    if (this.closed) return;
    this.handlers.onConnecting?.();
    const socket = this.createSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.backoff.reset();
      this.heartbeat.start();
      this.handlers.onOpen();
    };
    socket.onmessage = (ev) => {
      if (socket !== this.socket) return;
      this.heartbeat.heard();
      const message = parseServerMessage(ev.data);
      if (message && message.type !== "pong") this.handlers.onMessage(message);
    };
    socket.onerror = () => socket.close();
    socket.onclose = () => this.dropped(socket);
  }

  /** The server stopped answering though the socket looks open: give it up now, as a browser may wait long for its close. */
  private lose(socket: SocketLike): void {
    socket.onclose = null;
    socket.onmessage = null;
    socket.close();
    this.dropped(socket);
  }

  private dropped(socket: SocketLike): void {
    if (socket !== this.socket || this.closed) return;
    this.socket = null;
    this.heartbeat.stop();
    if (this.options.shouldReconnect && !this.options.shouldReconnect()) return;
    this.handlers.onDropped();
    this.cancelRetry = this.startTimer(() => this.connect(), this.backoff.next());
  }
}

/** The WebSocket URL of a server path on the page's own host (wss behind https). */
export function socketUrl(location: { protocol: string; host: string }, path: string): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${path}`;
}
