import type { ProgramFiles } from "../../../protocol/files.js";
import type { ServerMessage, ClientMessage } from "../../../protocol/ws.js";
import { ReconnectingSocket, socketUrl, type ReconnectingOptions } from "../server-socket/reconnectingSocket.js";
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

/** The run a message belongs to; session messages belong to none. */
export function runIdOf(message: { meta: object }): string | undefined {
  return "runId" in message.meta && typeof message.meta.runId === "string" ? message.meta.runId : undefined;
}

export function newRunId(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export function runsUrl(location: { protocol: string; host: string }): string {
  return socketUrl(location, "/api/runs");
}

/** One WebSocket to /api/runs that reconnects with backoff and knows which run is current. */
export class RunClient {
  private readonly socket: ReconnectingSocket;
  /** The newest run: only its messages pass, including any that follow its exit (a lesson check result). */
  private currentRunId: string | null = null;
  private running = false;
  private outbox: ClientMessage[] = [];

  constructor(url: string, handlers: RunClientHandlers, options: ReconnectingOptions = {}) {
    this.socket = new ReconnectingSocket(
      url,
      {
        onConnecting: () => handlers.onConnection("connecting"),
        onOpen: () => {
          handlers.onConnection("open");
          const queued = this.outbox;
          this.outbox = [];
          for (const m of queued) this.socket.send(m);
        },
        onMessage: (message) => {
          const runId = runIdOf(message);
          if (runId !== undefined && runId !== this.currentRunId) return;
          if (message.type === "trace" && message.payload.events.some((e) => e.type === "run/exit")) this.running = false;
          handlers.onMessage(message);
        },
        onDropped: () => {
          handlers.onConnection("closed");
          const lost = this.currentRunId;
          if (lost && this.running && !this.outbox.some((m) => runIdOf(m) === lost)) {
            this.running = false;
            handlers.onRunLost(lost);
          }
        },
      },
      options,
    );
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
    if (this.socket.isOpen || message.type === "session/open") this.send(message);
  }

  stop(): void {
    const runId = this.currentRunId;
    if (!runId || !this.running) return;
    const unsent = this.outbox.some((m) => m.type === "run/start" && runIdOf(m) === runId);
    if (unsent) this.outbox = this.outbox.filter((m) => runIdOf(m) !== runId);
    else this.send({ type: "run/stop", payload: {}, meta: { runId } });
  }

  destroy(): void {
    this.socket.close();
  }

  private send(message: ClientMessage): void {
    if (!this.socket.send(message)) this.outbox.push(message);
  }
}
