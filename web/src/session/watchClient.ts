import type { ServerMessage } from "../../../protocol/ws.js";
import { parseServerMessage } from "../run-client/parseServerMessage.js";
import type { SocketLike } from "../run-client/runClient.js";
import { Heartbeat } from "../run-client/heartbeat.js";

export interface WatchHandlers {
  onMessage(message: ServerMessage): void;
  onConnection(state: "open" | "closed"): void;
}

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 5000;

export function watchUrl(location: { protocol: string; host: string }, code: string): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api/sessions/${encodeURIComponent(code)}/watch`;
}

/**
 * A spectator's read-only socket to a session. After a dropped connection it reconnects, and the server's
 * snapshot brings the view back up to date; once the session has ended it stays closed.
 */
export class WatchClient {
  private socket: SocketLike | null = null;
  private ended = false;
  private destroyed = false;
  private retryMs = RECONNECT_MIN_MS;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly heartbeat = new Heartbeat(
    (ping) => this.socket?.send(JSON.stringify(ping)),
    () => this.socket && this.lose(this.socket),
  );

  constructor(
    private readonly url: string,
    private readonly handlers: WatchHandlers,
    private readonly createSocket: (url: string) => SocketLike = (u) => new WebSocket(u) as unknown as SocketLike,
  ) {
    this.connect();
  }

  destroy(): void {
    this.destroyed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.heartbeat.stop();
    this.socket?.close();
    this.socket = null;
  }

  private connect(): void {
    if (this.destroyed || this.ended) return;
    const socket = this.createSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.retryMs = RECONNECT_MIN_MS;
      this.heartbeat.start();
      this.handlers.onConnection("open");
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
    if (this.ended) return;
    this.handlers.onConnection("closed");
    this.retryTimer = setTimeout(() => this.connect(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
  }

  private receive(data: unknown): void {
    this.heartbeat.heard();
    const message = parseServerMessage(data);
    if (!message || message.type === "pong") return;
    if (message.type === "session/ended") this.ended = true;
    this.handlers.onMessage(message);
  }
}
