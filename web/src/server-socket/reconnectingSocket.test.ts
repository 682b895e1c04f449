import { describe, expect, it } from "vitest";
import type { ServerMessage } from "../../../protocol/ws.js";
import { Backoff, ReconnectingSocket, socketUrl } from "./reconnectingSocket.js";
import { FakeSocket } from "./testing/fakeSocket.js";
import { ManualTimer } from "./testing/manualTimer.js";

function setup(shouldReconnect?: () => boolean) {
  const sockets: FakeSocket[] = [];
  const timer = new ManualTimer();
  const seen: string[] = [];
  const messages: ServerMessage[] = [];
  const socket = new ReconnectingSocket(
    "ws://x/api/runs",
    {
      onConnecting: () => seen.push("connecting"),
      onOpen: () => seen.push("open"),
      onMessage: (m) => messages.push(m),
      onDropped: () => seen.push("dropped"),
    },
    {
      createSocket: () => {
        const s = new FakeSocket();
        sockets.push(s);
        return s;
      },
      startTimer: timer.start,
      ...(shouldReconnect ? { shouldReconnect } : {}),
    },
  );
  /** Drops the newest socket and lets the scheduled reconnect happen. */
  const dropAndRetry = () => {
    sockets.at(-1)!.close();
    timer.fire();
  };
  return { socket, sockets, timer, seen, messages, dropAndRetry };
}

describe("Backoff", () => {
  it("doubles each wait up to the cap and starts again after a reset", () => {
    const backoff = new Backoff(500, 5000);
    expect([1, 2, 3, 4, 5, 6].map(() => backoff.next())).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
    backoff.reset();
    expect(backoff.next()).toBe(500);
  });
});

describe("ReconnectingSocket", () => {
  it("reconnects after each drop on the backoff schedule while no connection succeeds", () => {
    const { sockets, timer, dropAndRetry } = setup();
    for (let i = 0; i < 6; i++) dropAndRetry();
    expect(sockets).toHaveLength(7);
    expect(timer.waits).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
  });

  it("starts the schedule again once a connection succeeds", () => {
    const { sockets, timer, dropAndRetry, seen } = setup();
    dropAndRetry();
    dropAndRetry();
    sockets.at(-1)!.open();
    dropAndRetry();
    expect(timer.waits).toEqual([500, 1000, 500]);
    expect(seen).toEqual(["connecting", "dropped", "connecting", "dropped", "connecting", "open", "dropped", "connecting"]);
  });

  it("stops for good on close: no reconnect is pending and later socket events are ignored", () => {
    const { socket, sockets, timer, seen } = setup();
    sockets[0].open();
    sockets[0].close();
    expect(timer.pendingCount).toBe(1);
    socket.close();
    expect(timer.pendingCount).toBe(0);
    timer.fire();
    expect(sockets).toHaveLength(1);
    expect(seen).toEqual(["connecting", "open", "dropped"]);
  });

  it("stays closed after a drop when told not to reconnect", () => {
    let reconnect = true;
    const { sockets, timer, seen } = setup(() => reconnect);
    sockets[0].open();
    reconnect = false;
    sockets[0].close();
    expect(timer.pendingCount).toBe(0);
    expect(seen).toEqual(["connecting", "open"]);
  });

  it("passes protocol messages and drops frames that are not JSON or break the schema", () => {
    const { sockets, messages } = setup();
    sockets[0].open();
    sockets[0].deliver("{nope");
    sockets[0].deliver({ type: "session/view", payload: { paused: "yes" }, meta: {} });
    sockets[0].deliver({ type: "session/view", payload: { paused: true, speed: 1 }, meta: {} });
    expect(messages.map((m) => m.type)).toEqual(["session/view"]);
  });

  it("sends only while open", () => {
    const { socket, sockets } = setup();
    const message = { type: "session/close", payload: {}, meta: {} } as const;
    expect(socket.send(message)).toBe(false);
    sockets[0].open();
    expect(socket.send(message)).toBe(true);
    expect(sockets[0].sent).toEqual([message]);
  });

  it("builds socket URLs on the page's host, secure behind https", () => {
    expect(socketUrl({ protocol: "https:", host: "a.b:8" }, "/api/runs")).toBe("wss://a.b:8/api/runs");
    expect(socketUrl({ protocol: "http:", host: "127.0.0.1:3000" }, "/x")).toBe("ws://127.0.0.1:3000/x");
  });
});
