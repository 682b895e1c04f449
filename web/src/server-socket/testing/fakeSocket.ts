import type { SocketLike } from "../reconnectingSocket.js";

/** A WebSocket stand-in for the browser's protocol clients: records what is sent, and opens, closes and delivers on cue. */
export class FakeSocket implements SocketLike {
  sent: unknown[] = [];
  onopen: SocketLike["onopen"] = null;
  onclose: SocketLike["onclose"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onerror: SocketLike["onerror"] = null;

  /** 0 connecting, 1 open, 3 closed, as WebSocket.readyState. */
  constructor(public readyState = 0) {}

  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
    this.onclose?.({});
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  /** A server message; a string is delivered as it is (for frames that are not JSON). */
  deliver(message: unknown) {
    this.onmessage?.({ data: typeof message === "string" ? message : JSON.stringify(message) });
  }
}
