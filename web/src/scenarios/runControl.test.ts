import { describe, expect, it } from "vitest";
import { RunClient } from "../run-client/runClient.js";
import { FakeSocket } from "../server-socket/testing/fakeSocket.js";

function setup() {
  const socket = new FakeSocket(1);
  const client = new RunClient("ws://x/api/runs", { onMessage: () => {}, onConnection: () => {}, onRunLost: () => {} }, { createSocket: () => socket });
  return { client, socket };
}

describe("scenario runs over the run client", () => {
  it("starts with the scenario's wall time and params", () => {
    const { client, socket } = setup();
    const runId = client.start({ "main.ts": "x" }, "main.ts", undefined, { timeoutMs: 30000, params: { workers: 1 } });
    expect(socket.sent).toEqual([
      { type: "run/start", payload: { files: { "main.ts": "x" }, entry: "main.ts", timeoutMs: 30000, params: { workers: 1 } }, meta: { runId } },
    ]);
  });

  it("sends live controls for the current run only while it runs", () => {
    const { client, socket } = setup();
    client.control({ action: "set-param", name: "workers", value: 3 });
    expect(socket.sent).toEqual([]);
    const runId = client.start({ "main.ts": "x" });
    client.control({ action: "actor", actor: "worker-2", op: "kill" });
    expect(socket.sent.at(-1)).toEqual({ type: "run/control", payload: { action: "actor", actor: "worker-2", op: "kill" }, meta: { runId } });
    socket.onmessage?.({
      data: JSON.stringify({
        type: "trace",
        payload: { events: [{ type: "run/exit", t: 5, reason: "ok", code: 0, message: "Done.", totals: {} }] },
        meta: { runId },
      }),
    });
    const before = socket.sent.length;
    client.control({ action: "set-param", name: "workers", value: 2 });
    expect(socket.sent.length).toBe(before);
  });
});
