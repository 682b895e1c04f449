import { afterEach, describe, expect, it, vi } from "vitest";
import type { ServerMessage } from "../../../protocol/ws.js";
import { WatchClient, watchUrl } from "./watchClient.js";
import { FakeSocket } from "../run-client/testing/fakeSocket.js";

function setup() {
  vi.useFakeTimers();
  const sockets: FakeSocket[] = [];
  const messages: ServerMessage[] = [];
  const states: string[] = [];
  const client = new WatchClient(
    "ws://x/api/sessions/ABC234/watch",
    {
      onMessage: (m) => messages.push(m),
      onConnection: (s) => states.push(s),
    },
    () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
  );
  return { client, sockets, messages, states };
}

afterEach(() => vi.useRealTimers());

describe("WatchClient", () => {
  it("passes protocol messages and drops the rest", () => {
    const { sockets, messages } = setup();
    sockets[0].open();
    sockets[0].deliver("{nope");
    sockets[0].deliver({ type: "session/view", payload: { paused: "yes" }, meta: {} });
    sockets[0].deliver({ type: "session/view", payload: { paused: true, speed: 1 }, meta: {} });
    expect(messages.map((m) => m.type)).toEqual(["session/view"]);
  });

  it("reconnects after a dropped connection, but not after the session ended", () => {
    const { sockets, states } = setup();
    sockets[0].open();
    sockets[0].close();
    expect(states).toEqual(["open", "closed"]);
    vi.advanceTimersByTime(600);
    expect(sockets).toHaveLength(2);
    sockets[1].open();
    sockets[1].deliver({ type: "session/ended", payload: { reason: "over" }, meta: {} });
    sockets[1].close();
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(2);
    expect(states).toEqual(["open", "closed", "open"]);
  });

  it("builds the watch URL from the page location", () => {
    expect(watchUrl({ protocol: "https:", host: "h:1" }, "ABC234")).toBe("wss://h:1/api/sessions/ABC234/watch");
  });
});
