import type { ServerMessage } from "../../../protocol/ws.js";
import { ReconnectingSocket, socketUrl, type ReconnectingOptions } from "../server-socket/reconnectingSocket.js";

export interface WatchHandlers {
  onMessage(message: ServerMessage): void;
  onConnection(state: "open" | "closed"): void;
}

export function watchUrl(location: { protocol: string; host: string }, code: string): string {
  return socketUrl(location, `/api/sessions/${encodeURIComponent(code)}/watch`);
}

/**
 * A spectator's read-only socket to a session. After a dropped connection it reconnects, and the server's
 * snapshot brings the view back up to date; once the session has ended it stays closed.
 */
export class WatchClient {
  private readonly socket: ReconnectingSocket;
  private ended = false;

  constructor(url: string, handlers: WatchHandlers, options: Omit<ReconnectingOptions, "shouldReconnect"> = {}) {
    this.socket = new ReconnectingSocket(
      url,
      {
        onOpen: () => handlers.onConnection("open"),
        onMessage: (message) => {
          if (message.type === "session/ended") this.ended = true;
          handlers.onMessage(message);
        },
        onDropped: () => handlers.onConnection("closed"),
      },
      { ...options, shouldReconnect: () => !this.ended },
    );
  }

  destroy(): void {
    this.socket.close();
  }
}
