import { describe, expect, it } from "vitest";
import type { ServerMessage } from "../../../protocol/ws.js";
import { RunClient, runsUrl } from "./runClient.js";
import { FakeSocket } from "../server-socket/testing/fakeSocket.js";
import { ManualTimer } from "../server-socket/testing/manualTimer.js";

function setup() {
  const sockets: FakeSocket[] = [];
  const messages: ServerMessage[] = [];
  const lost: string[] = [];
  const timer = new ManualTimer();
  const client = new RunClient(
    "ws://x/api/runs",
    {
      onMessage: (m) => messages.push(m),
      onConnection: () => {},
      onRunLost: (id) => lost.push(id),
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
  return { client, sockets, messages, lost, timer };
}

const console = (runId: string, text: string) => ({ type: "trace", payload: { events: [{ type: "console", t: 1, stream: "stdout", text }] }, meta: { runId } });

describe("RunClient", () => {
  it("sends a run started before the socket opened once it opens", () => {
    const { client, sockets } = setup();
    const runId = client.start({ "main.ts": "1" });
    expect(sockets[0].sent).toEqual([]);
    sockets[0].open();
    expect(sockets[0].sent).toEqual([{ type: "run/start", payload: { files: { "main.ts": "1" } }, meta: { runId } }]);
  });

  it("drops messages of an older run and messages that break the protocol", () => {
    const { client, sockets, messages } = setup();
    sockets[0].open();
    const old = client.start({ "main.ts": "1" });
    const current = client.start({ "main.ts": "2" });
    sockets[0].deliver(console(old, "stale"));
    sockets[0].deliver({ type: "trace", payload: { events: [{ type: "nonsense" }] }, meta: { runId: current } });
    sockets[0].deliver(console(current, "fresh"));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ meta: { runId: current } });
  });

  it("passes messages that follow the run's exit, and sends no stop for a finished run", () => {
    const { client, sockets, messages } = setup();
    sockets[0].open();
    const runId = client.start({ "main.ts": "1" });
    sockets[0].deliver({
      type: "trace",
      payload: { events: [{ type: "run/exit", t: 1, reason: "ok", code: 0, message: "Done.", totals: {} }] },
      meta: { runId },
    });
    sockets[0].deliver(console(runId, "late"));
    expect(messages).toHaveLength(2);
    client.stop();
    expect(sockets[0].sent).toHaveLength(1);
  });

  it("sends stop with the current run id", () => {
    const { client, sockets } = setup();
    sockets[0].open();
    const runId = client.start({ "main.ts": "1" });
    client.stop();
    expect(sockets[0].sent.at(-1)).toEqual({ type: "run/stop", payload: {}, meta: { runId } });
  });

  it("stops the run in flight when a new one starts, and never sends a start that was superseded", () => {
    const { client, sockets } = setup();
    client.start({ "main.ts": "queued" });
    const second = client.start({ "main.ts": "2" });
    sockets[0].open();
    expect(sockets[0].sent).toEqual([{ type: "run/start", payload: { files: { "main.ts": "2" } }, meta: { runId: second } }]);
    const third = client.start({ "main.ts": "3" });
    expect(sockets[0].sent.slice(1)).toEqual([
      { type: "run/stop", payload: {}, meta: { runId: second } },
      { type: "run/start", payload: { files: { "main.ts": "3" } }, meta: { runId: third } },
    ]);
  });

  it("reports the run lost and reconnects with backoff when the socket closes", () => {
    const { client, sockets, lost, timer } = setup();
    sockets[0].open();
    const runId = client.start({ "main.ts": "1" });
    sockets[0].close();
    expect(lost).toEqual([runId]);
    timer.fire();
    expect(sockets).toHaveLength(2);
    client.destroy();
  });

  it("sends the lesson id with a run that is to be checked", () => {
    const { client, sockets } = setup();
    sockets[0].open();
    const runId = client.start({ "main.ts": "1" }, "main.ts", "hello-req-rep");
    expect(sockets[0].sent).toEqual([
      { type: "run/start", payload: { files: { "main.ts": "1" }, entry: "main.ts", lessonId: "hello-req-rep" }, meta: { runId } },
    ]);
  });

  it("queues a session opening until connected, but drops a view change meant for a socket that is gone", () => {
    const { client, sockets } = setup();
    client.sendSession({ type: "session/view", payload: { paused: true, speed: 1 }, meta: {} });
    client.sendSession({ type: "session/open", payload: {}, meta: {} });
    sockets[0].open();
    expect(sockets[0].sent).toEqual([{ type: "session/open", payload: {}, meta: {} }]);
  });

  it("sends a run started while reconnecting once the new socket opens", () => {
    const { client, sockets, timer } = setup();
    sockets[0].open();
    sockets[0].close();
    timer.fire();
    const runId = client.start({ "main.ts": "1" });
    sockets[1].open();
    expect(sockets[1].sent).toEqual([{ type: "run/start", payload: { files: { "main.ts": "1" } }, meta: { runId } }]);
  });

  it("builds the WebSocket URL from the page location", () => {
    expect(runsUrl({ protocol: "https:", host: "a.b:8" })).toBe("wss://a.b:8/api/runs");
  });
});
