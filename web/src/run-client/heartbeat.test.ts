import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Value } from "@sinclair/typebox/value";
import { HEARTBEAT_INTERVAL_MS, HEARTBEAT_TIMEOUT_MS, type Ping } from "../../../protocol/heartbeat.js";
import { ClientMessage } from "../../../protocol/ws.js";
import { Heartbeat } from "./heartbeat.js";
import { RunClient } from "./runClient.js";
import { FakeSocket } from "./testing/fakeSocket.js";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("Heartbeat", () => {
  it("pings on each interval while answered, and never calls a busy but answering server silent", () => {
    const pings: Ping[] = [];
    const silent = vi.fn();
    const beat = new Heartbeat((p) => pings.push(p), silent);
    beat.start();
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(HEARTBEAT_INTERVAL_MS);
      beat.heard();
    }
    expect(pings.map((p) => p.payload.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(pings.every((p) => Value.Check(ClientMessage, p))).toBe(true);
    expect(silent).not.toHaveBeenCalled();
  });

  it("calls the server silent once a ping waited the timeout, and sends no second ping meanwhile", () => {
    const pings: Ping[] = [];
    const silent = vi.fn();
    new Heartbeat((p) => pings.push(p), silent).start();
    vi.advanceTimersByTime(HEARTBEAT_INTERVAL_MS + HEARTBEAT_TIMEOUT_MS - 1);
    expect(silent).not.toHaveBeenCalled();
    vi.advanceTimersByTime(HEARTBEAT_INTERVAL_MS);
    expect(silent).toHaveBeenCalledTimes(1);
    expect(pings).toHaveLength(1);
  });

  it("stops pinging when stopped", () => {
    const send = vi.fn();
    const beat = new Heartbeat(send, () => {});
    beat.start();
    beat.stop();
    vi.advanceTimersByTime(10 * HEARTBEAT_INTERVAL_MS);
    expect(send).not.toHaveBeenCalled();
  });
});

describe("RunClient's heartbeat", () => {
  it("reports the connection lost when the server stops answering, then open again on a new socket", () => {
    const sockets: FakeSocket[] = [];
    const states: string[] = [];
    new RunClient("ws://x/api/runs", { onMessage: () => {}, onConnection: (s) => states.push(s), onRunLost: () => {} }, () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    });
    sockets[0].open();
    vi.advanceTimersByTime(HEARTBEAT_INTERVAL_MS);
    expect(sockets[0].sent).toEqual([{ type: "ping", payload: { seq: 1 }, meta: {} }]);
    sockets[0].deliver({ type: "pong", payload: { seq: 1 }, meta: {} });
    vi.advanceTimersByTime(HEARTBEAT_INTERVAL_MS + HEARTBEAT_TIMEOUT_MS + HEARTBEAT_INTERVAL_MS);
    expect(states.slice(0, 3)).toEqual(["connecting", "open", "closed"]);
    expect(sockets[0].readyState).toBe(3);
    vi.advanceTimersByTime(1000);
    sockets[1].open();
    expect(states.slice(-2)).toEqual(["connecting", "open"]);
  });
});
