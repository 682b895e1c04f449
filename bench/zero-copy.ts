// The zero-copy lesson's live numbers: sending an 8 MiB Float64Array as it is (libzmq takes the memory without
// copying) against copying it first, over inproc and tcp, measured side by side in alternating rounds.
import * as zmq from "zeromq";
import { summarize, type Benchmark, type BenchResult, type Figure } from "./types.js";
import { runIfMain } from "./sandbox-common.js";

const ELEMENTS = (8 * 1024 * 1024) / 8;
const MESSAGES = 40;
const ROUNDS = 7;

let nextName = 0;

async function throughput(transport: "inproc" | "tcp", copy: boolean): Promise<number> {
  // A fresh inproc name each time: a closed socket's name is not free again at once.
  const endpoint = transport === "inproc" ? `inproc://zero-copy-${nextName++}` : "tcp://127.0.0.1:*";
  const push = new zmq.Push({ sendHighWaterMark: 4 });
  const pull = new zmq.Pull({ receiveHighWaterMark: 4 });
  await pull.bind(endpoint);
  push.connect(pull.lastEndpoint ?? endpoint);
  const data = new Float64Array(ELEMENTS).map((_, i) => i);
  const receiving = (async () => {
    for (let i = 0; i < MESSAGES; i++) {
      const [frame] = await pull.receive();
      if (frame.byteLength !== data.byteLength) throw new Error("short frame");
    }
  })();
  const started = performance.now();
  for (let i = 0; i < MESSAGES; i++) await push.send(copy ? new Float64Array(data) : data);
  await receiving;
  const seconds = (performance.now() - started) / 1000;
  push.close();
  pull.close();
  return (MESSAGES * data.byteLength) / 2 ** 20 / seconds;
}

async function measure(): Promise<BenchResult> {
  const figures: Figure[] = [];
  const comparisons = [];
  for (const transport of ["inproc", "tcp"] as const) {
    const plain: number[] = [];
    const copied: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      plain.push(await throughput(transport, false));
      copied.push(await throughput(transport, true));
    }
    const ratios = plain.map((p, i) => p / copied[i]);
    figures.push(summarize(`8 MiB Float64Array, ${transport}, no copy`, "MiB/s", plain));
    figures.push(summarize(`8 MiB Float64Array, ${transport}, copied first`, "MiB/s", copied));
    const ratio = summarize("ratio", "x", ratios).median;
    comparisons.push({ name: `${transport}: no copy / copy`, ratio, target: "> 1 (not copying is faster)", met: ratio > 1 });
  }
  return { figures, comparisons, notes: [`${MESSAGES} messages per round, ${ROUNDS} alternating rounds; raw zeromq.js ${zmq.version}`] };
}

const bench: Benchmark = { name: "zero-copy arrays", expectedSeconds: 6, run: measure };
export default bench;
await runIfMain(import.meta.url, bench);
