// What a spectator that never reads costs the server: a presenter's run leaves a ~30 MB trace in its session, one
// reading spectator joins (the snapshot is made once), then spectators join that never read. Server RSS growth
// per non-reading spectator, and how long each join took, on the server process measured from /proc.
import { readFileSync } from "node:fs";
import WebSocket from "ws";
import { summarize, type Benchmark, type BenchResult } from "./types.js";
import { runIfMain } from "./sandbox-common.js";
import { startServer } from "./server-process.js";

const IDLE_SPECTATORS = 15;
const TARGET_MIB_EACH = 2;
const MESSAGES = 3_500;
// 20-frame messages: each send and receive is traced with every frame's preview, about 4 KB an event.
const BIG_TRACE = `
import * as zmq from "zeromq";
const push = new zmq.Push(); await push.bind("inproc://big");
const pull = new zmq.Pull(); pull.connect("inproc://big");
const frames = Array.from({ length: 20 }, (_, i) => "frame " + i + " " + "x".repeat(70));
const received = (async () => { let n = 0; for await (const _ of pull) if (++n === ${MESSAGES}) break; })();
for (let i = 0; i < ${MESSAGES}; i++) { await push.send(frames); if (i % 50 === 0) await new Promise((r) => setTimeout(r, 5)); }
await received;
push.close(); pull.close();
`;

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
const open = (url: string) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once("open", () => resolve(ws)).once("error", reject);
  });
const settle = () => new Promise((r) => setTimeout(r, 1500));

const bench: Benchmark = {
  name: "spectator memory",
  expectedSeconds: 40,
  async run(): Promise<BenchResult> {
    // A 30 MB session needs room above the default trace bound (8 MiB) and the default telemetry burst.
    const server = await startServer({
      WB_SESSION_TRACE_BYTES: String(40 * 1024 * 1024),
      WB_TELEMETRY_BYTES: String(128 * 1024 * 1024),
      WB_MESSAGE_EVENTS: "100000",
      WB_EVENTS_PER_SECOND: "100000",
    });
    const sockets: WebSocket[] = [];
    try {
      const presenter = await open(`${server.ws}/api/runs`);
      sockets.push(presenter);
      let code = "";
      let exited!: () => void;
      const done = new Promise<void>((r) => (exited = r));
      presenter.on("message", (raw) => {
        const m = JSON.parse(raw.toString());
        if (m.type === "session/opened") code = m.payload.code;
        if (m.type === "trace" && m.payload.events.some((e: { type: string }) => e.type === "run/exit")) exited();
      });
      presenter.send(JSON.stringify({ type: "session/open", payload: {}, meta: {} }));
      while (!code) await new Promise((r) => setTimeout(r, 20));
      presenter.send(JSON.stringify({ type: "run/start", payload: { files: { "main.ts": BIG_TRACE }, timeoutMs: 120_000 }, meta: { runId: "big-trace" } }));
      await done;

      const reader = await open(`${server.ws}/api/sessions/${code}/watch`);
      sockets.push(reader);
      const snapshotBytes = await new Promise<number>((r) => reader.once("message", (raw: Buffer) => r(raw.length)));
      await settle();
      const before = rssMiB(server.child.pid!);
      const joins: number[] = [];
      for (let i = 0; i < IDLE_SPECTATORS; i++) {
        const started = performance.now();
        const ws = await open(`${server.ws}/api/sessions/${code}/watch`);
        (ws as unknown as { _socket: { pause(): void } })._socket.pause();
        joins.push(performance.now() - started);
        sockets.push(ws);
      }
      await settle();
      const after = rssMiB(server.child.pid!);
      const each = (after - before) / IDLE_SPECTATORS;
      return {
        figures: [
          { name: "session snapshot", unit: "MB", median: snapshotBytes / 1e6, min: snapshotBytes / 1e6, max: snapshotBytes / 1e6 },
          { name: `server RSS before / after ${IDLE_SPECTATORS} non-reading spectators`, unit: "MiB", median: after, min: before, max: after },
          summarize("join (connect to open) of a non-reading spectator", "ms", joins),
        ],
        comparisons: [
          { name: "server RSS growth per non-reading spectator", value: each, unit: "MiB", target: `<= ${TARGET_MIB_EACH} MiB`, met: each <= TARGET_MIB_EACH },
        ],
        notes: [`the snapshot is made once and its Buffer shared; each spectator is sent the same bytes without a copy`],
      };
    } finally {
      sockets.forEach((s) => {
        s.terminate();
      });
      await server.stop();
    }
  },
};
export default bench;
await runIfMain(import.meta.url, bench);
