// Throughput of zmq-devices' JS queue against libzmq's zmq.Proxy, 64-byte messages, side by side in one run.
// Run alone with `npx tsx bench/device-queue.ts`, or with the others via `npm run bench`.
import { pathToFileURL } from "node:url";
import * as zmq from "zeromq";
import { ThreadDevice, device } from "../sandboxed/devices/src/index.js";
import { printResult } from "./report.js";
import { summarize, type Benchmark, type BenchResult } from "./types.js";

const MESSAGE_BYTES = 64;
const MESSAGES_PER_ROUND = 50_000;
const ROUNDS = 9;
const TARGET_RATIO = 0.7;

type Contender = "proxy" | "device-thread" | "device-inline";
let run = 0;

/** Starts a queue between two inproc endpoints; returns how to stop it. */
async function startQueue(contender: Contender, frontAddress: string, backAddress: string): Promise<() => Promise<void>> {
  if (contender === "device-thread") {
    const queue = new ThreadDevice("queue", zmq.Router, zmq.Dealer).bindIn(frontAddress).bindOut(backAddress);
    await queue.start();
    return () => queue.stop();
  }
  const front = new zmq.Router({ linger: 0 });
  const back = new zmq.Dealer({ linger: 0 });
  await front.bind(frontAddress);
  await back.bind(backAddress);
  if (contender === "device-inline") {
    const running = device("queue", front, back);
    return async () => {
      front.close();
      await running;
    };
  }
  const proxy = new zmq.Proxy(front, back);
  const running = proxy.run();
  return async () => {
    // Closing sockets under a running zmq.Proxy hangs it; terminate() is its only clean stop.
    proxy.terminate();
    await running;
  };
}

/** Messages per second from a DEALER client, through the queue, to a DEALER worker. */
async function floodOnce(contender: Contender): Promise<number> {
  const id = `${process.pid}-${++run}`;
  const [frontAddress, backAddress] = [`inproc://bench-front-${id}`, `inproc://bench-back-${id}`];
  const stop = await startQueue(contender, frontAddress, backAddress);
  const client = new zmq.Dealer({ linger: 0, sendHighWaterMark: 10_000 });
  const worker = new zmq.Dealer({ linger: 0, receiveHighWaterMark: 10_000, receiveTimeout: 10_000 });
  client.connect(frontAddress);
  worker.connect(backAddress);
  const payload = Buffer.alloc(MESSAGE_BYTES, 7);
  try {
    // Warm the path (connections, first allocations) before timing.
    await client.send(payload);
    await worker.receive();
    const started = performance.now();
    const sending = (async () => {
      for (let i = 0; i < MESSAGES_PER_ROUND; i++) await client.send(payload);
    })();
    for (let i = 0; i < MESSAGES_PER_ROUND; i++) await worker.receive();
    const seconds = (performance.now() - started) / 1000;
    await sending;
    return MESSAGES_PER_ROUND / seconds;
  } finally {
    client.close();
    worker.close();
    await stop();
  }
}

async function measure(): Promise<BenchResult> {
  const contenders: Contender[] = ["proxy", "device-thread", "device-inline"];
  const samples: Record<Contender, number[]> = { proxy: [], "device-thread": [], "device-inline": [] };
  // Interleaved rounds, so drift in machine load hits every contender alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const contender of contenders) samples[contender].push(await floodOnce(contender));
  }
  const proxy = summarize("zmq.Proxy (libzmq, own thread)", "msg/s", samples.proxy);
  const thread = summarize('device("queue") in a ThreadDevice', "msg/s", samples["device-thread"]);
  const inline = summarize('device("queue") on the clients\' thread', "msg/s", samples["device-inline"]);
  const perRound = (name: Contender) => samples[name].map((s, i) => s / samples.proxy[i]);
  const threadRatio = summarize("ratio", "", perRound("device-thread")).median;
  const inlineRatio = summarize("ratio", "", perRound("device-inline")).median;
  return {
    figures: [proxy, thread, inline],
    comparisons: [
      { name: "ThreadDevice queue / zmq.Proxy, 64 B", ratio: threadRatio, target: `>= ${TARGET_RATIO}`, met: threadRatio >= TARGET_RATIO },
      { name: "inline device queue / zmq.Proxy, 64 B (info)", ratio: inlineRatio, target: "none (shares the JS thread)", met: true },
    ],
    notes: [
      `${MESSAGES_PER_ROUND} messages of ${MESSAGE_BYTES} B per round, ${ROUNDS} rounds; DEALER client -> ROUTER/DEALER queue -> DEALER worker over inproc; ratios are medians of per-round ratios.`,
      "zmq.Proxy runs on its own (libuv pool) thread, so the like-for-like JS device is the ThreadDevice. The inline device shares the one JS thread with the client and worker, which caps it near half the Proxy's rate.",
    ],
  };
}

const benchmark: Benchmark = { name: "device-queue", expectedSeconds: 25, run: measure };
export default benchmark;

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const started = performance.now();
  printResult(benchmark.name, await benchmark.run(), (performance.now() - started) / 1000);
}
