import { describe, expect, it } from "vitest";
import type { ServerMessage } from "../../../protocol/ws.js";
import { WatchClient, watchUrl } from "./watchClient.js";
import { FakeSocket } from "../server-socket/testing/fakeSocket.js";
import { ManualTimer } from "../server-socket/testing/manualTimer.js";

function setup() {
  const timer = new ManualTimer();
  const sockets: FakeSocket[] = [];
  const messages: ServerMessage[] = [];
  const states: string[] = [];
  const client = new WatchClient(
    "ws://x/api/sessions/ABC234/watch",
    {
      onMessage: (m) => messages.push(m),
      onConnection: (s) => states.push(s),
    },
    {
      createSocket: () => {
        const s = new FakeSocket();
        sockets.push(s);
        return s;
      },
      startTimer: timer.start,
    },
  );
  return { client, sockets, messages, states, timer };
}

describe("WatchClient", () => {
  it("reconnects after a dropped connection, but not after the session ended", () => {
    const { sockets, states, timer } = setup();
    sockets[0].open();
    sockets[0].close();
    expect(states).toEqual(["open", "closed"]);
    timer.fire();
    expect(sockets).toHaveLength(2);
    sockets[1].open();
    sockets[1].deliver({ type: "session/ended", payload: { reason: "over" }, meta: {} });
    sockets[1].close();
    expect(timer.pendingCount).toBe(0);
    expect(sockets).toHaveLength(2);
    expect(states).toEqual(["open", "closed", "open"]);
  });

  it("builds the watch URL from the page location", () => {
    expect(watchUrl({ protocol: "https:", host: "h:1" }, "ABC234")).toBe("wss://h:1/api/sessions/ABC234/watch");
  });
});
