import type { ProgramFiles } from "../../../protocol/files.js";
import type { ServerMessage, ClientMessage } from "../../../protocol/ws.js";
import { parseServerMessage } from "./parseServerMessage.js";
import { Heartbeat } from "./heartbeat.js";
import type { ControlMessage, ParamValue } from "../../../protocol/scenarios.js";

/** What a scenario run adds to run/start: its wall time, the live params it starts with, and its scenario's id. */
export interface RunExtras {
  timeoutMs?: number;
  params?: Record<string, ParamValue>;
  scenario?: string;
}

export type ConnectionState = "connecting" | "open" | "closed";

export interface RunClientHandlers {
  /** Only messages of the current run (or with no run id) arrive here; stale ones are dropped. */
  onMessage(message: ServerMessage): void;
  onConnection(state: ConnectionState): void;
  /** The socket closed while a run was in flight; the server stops such runs. */
  onRunLost(runId: string): void;
}

/** The subset of the browser WebSocket the client uses, so tests can hand in a fake. */
export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

const OPEN = 1;
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 5000;

/** The run a message belongs to; session messages belong to none. */
export function runIdOf(message: { meta: object }): string | undefined {
  return "runId" in message.meta && typeof message.meta.runId === "string" ? message.meta.runId : undefined;
}

export function newRunId(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export function runsUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api/runs`;
}

/** One WebSocket to /api/runs that reconnects with backoff and knows which run is current. */
export class RunClient {
  private socket: SocketLike | null = null;
  /** The newest run: only its messages pass, including any that follow its exit (a lesson check result). */
  private currentRunId: string | null = null;
  private running = false;
  private outbox: ClientMessage[] = [];
  private retryMs = RECONNECT_MIN_MS;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  private readonly heartbeat = new Heartbeat(
    (ping) => this.socket?.send(JSON.stringify(ping)),
    () => this.socket && this.lose(this.socket),
  );

  constructor(
    private readonly url: string,
    private readonly handlers: RunClientHandlers,
    private readonly createSocket: (url: string) => SocketLike = (u) => new WebSocket(u) as unknown as SocketLike,
  ) {
    this.connect();
  }

  /** Starts a run; a run still in flight is stopped first, as only the newest one is shown. With a lesson id it is checked. */
  start(files: ProgramFiles, entry?: string, lessonId?: string, extra?: RunExtras): string {
    this.stop();
    const runId = newRunId();
    this.currentRunId = runId;
    this.running = true;
    this.send({ type: "run/start", payload: { files, ...(entry ? { entry } : {}), ...(lessonId ? { lessonId } : {}), ...extra }, meta: { runId } });
    return runId;
  }

  /** A live control (scenario param or actor op) for the current run; dropped when no run is in flight. */
  control(payload: ControlMessage): void {
    const runId = this.currentRunId;
    if (runId && this.running) this.send({ type: "run/control", payload, meta: { runId } });
  }

  /** Classroom session messages; only opening one waits for a connection, as a view or close belongs to this socket's session. */
  sendSession(message: Extract<ClientMessage, { type: `session/${string}` }>): void {
    if (this.socket?.readyState === OPEN || message.type === "session/open") this.send(message);
  }

  stop(): void {
    const runId = this.currentRunId;
    if (!runId || !this.running) return;
    const unsent = this.outbox.some((m) => m.type === "run/start" && runIdOf(m) === runId);
    if (unsent) this.outbox = this.outbox.filter((m) => runIdOf(m) !== runId);
    else this.send({ type: "run/stop", payload: {}, meta: { runId } });
  }

  destroy(): void {
    this.destroyed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.heartbeat.stop();
    this.socket?.close();
    this.socket = null;
  }

  private send(message: ClientMessage): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
    else this.outbox.push(message);
  }

  private connect(): void {
    if (this.destroyed) return;
    this.handlers.onConnection("connecting");
    const socket = this.createSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.retryMs = RECONNECT_MIN_MS;
      this.heartbeat.start();
      this.handlers.onConnection("open");
      const queued = this.outbox;
      this.outbox = [];
      for (const m of queued) socket.send(JSON.stringify(m));
    };
    socket.onmessage = (ev) => this.receive(ev.data);
    socket.onerror = () => socket.close();
    socket.onclose = () => this.closed(socket);
  }

  /** The server stopped answering though the socket looks open: give it up now, as a browser may wait long for its close. */
  private lose(socket: SocketLike): void {
    socket.onclose = null;
    socket.onmessage = null;
    socket.close();
    this.closed(socket);
  }

  private closed(socket: SocketLike): void {
    if (socket !== this.socket || this.destroyed) return;
    this.socket = null;
    this.heartbeat.stop();
    this.handlers.onConnection("closed");
    const lost = this.currentRunId;
    if (lost && this.running && !this.outbox.some((m) => runIdOf(m) === lost)) {
      this.running = false;
      this.handlers.onRunLost(lost);
    }
    this.retryTimer = setTimeout(() => this.connect(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
  }

  private receive(data: unknown): void {
    this.heartbeat.heard();
    const message = parseServerMessage(data);
    if (!message || message.type === "pong") return;
    const runId = runIdOf(message);
    if (runId !== undefined && runId !== this.currentRunId) return;
    if (message.type === "trace" && message.payload.events.some((e) => e.type === "run/exit")) this.running = false;
    this.handlers.onMessage(message);
  }
}
