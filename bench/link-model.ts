// The server's trace processing on topologies with thousands of sockets: binds and connects indexed by address
// must cost the same per socket at 6,000 sockets as at 1,000 (it once scanned every bind per connect: 6,000 + 6,000
// froze the server ~170 s). Measured side by side in alternating rounds, through the whole TraceProcessor.
import type { SocketKind, TraceEvent } from "../protocol/trace.js";
import { TraceProcessor } from "../server/trace/trace-processor.js";
import { runIfMain } from "./sandbox-common.js";
import { summarize, type Benchmark, type BenchResult } from "./types.js";

const ROUNDS = 5;
const SMALL = 1_000;
const LARGE = 6_000;

function topology(sockets: number, sameAddress: boolean): TraceEvent[] {
  const events: TraceEvent[] = [];
  const endpoint = (i: number) => `tcp://127.0.0.1:${sameAddress ? 5555 : 10_000 + i}`;
  const open = (socket: string, kind: SocketKind, t: number): TraceEvent => ({ type: "socket/open", t, socket, kind, label: kind, thread: 0 });
  for (let i = 0; i < sockets; i++)
    events.push(open(`c${i}`, "PUSH", i), { type: "socket/connect", t: i, socket: `c${i}`, kind: "PUSH", endpoint: endpoint(i) });
  for (let i = 0; i < sockets; i++)
    events.push(open(`b${i}`, "PULL", sockets + i), { type: "socket/bind", t: sockets + i, socket: `b${i}`, kind: "PULL", endpoint: endpoint(i) });
  return events;
}

/** Microseconds per socket to process the whole trace in batches of 100 events, as the supervisor does. */
function perSocket(events: TraceEvent[], sockets: number): number {
  const processor = new TraceProcessor();
  const started = performance.now();
  for (let i = 0; i < events.length; i += 100) processor.process(events.slice(i, i + 100), events[i].t);
  processor.finish({}, Infinity);
  return ((performance.now() - started) * 1000) / (2 * sockets);
}

async function measure(): Promise<BenchResult> {
  const samples: Record<string, number[]> = {};
  const cases = [
    ["1,000 + 1,000 sockets, own ports", SMALL, false],
    ["6,000 + 6,000 sockets, own ports", LARGE, false],
    ["1,000 connects then 1,000 binds at one address", SMALL, true],
    ["6,000 connects then 6,000 binds at one address", LARGE, true],
  ] as const;
  const traces = cases.map(([, n, same]) => topology(n, same));
  for (let round = 0; round < ROUNDS; round++) {
    cases.forEach(([name, n], i) => (samples[name] ??= []).push(perSocket(traces[i], n)));
  }
  const figures = cases.map(([name]) => summarize(`trace processing, ${name}`, "µs/socket", samples[name]));
  const ratio = (large: number, small: number) => figures[small].median / figures[large].median;
  return {
    figures,
    comparisons: [
      {
        name: "cost per socket, 6,000 vs 1,000 sockets on own ports (1 = linear)",
        ratio: ratio(1, 0),
        target: "≥ 0.5 (at most twice the cost per socket)",
        met: ratio(1, 0) >= 0.5,
      },
      {
        name: "cost per socket, 6,000 vs 1,000 sockets at one address (1 = linear)",
        ratio: ratio(3, 2),
        target: "≥ 0.5 (at most twice the cost per socket)",
        met: ratio(3, 2) >= 0.5,
      },
    ],
  };
}

const bench: Benchmark = { name: "link model at scale", expectedSeconds: 20, run: measure };
export default bench;
runIfMain(import.meta.url, bench);
