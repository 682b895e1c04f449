/**
 * Programs that attack the supervisor through the telemetry channel (fd 3, open in the program's own process), or
 * push the run's limits where the verdict used to be wrong. Each is one main.js, run in the real sandbox.
 */

/** Writes lines to the run's telemetry descriptor the way the runner does (all of each, waiting out EAGAIN), without its key. */
const FORGE = `
import { writeSync } from "node:fs";
const pause = new Int32Array(new SharedArrayBuffer(4));
const forgeRaw = (text) => {
  const bytes = Buffer.from(text + "\\n");
  for (let at = 0; at < bytes.length;) {
    try { at += writeSync(3, bytes, at); } catch (e) { if (e.code !== "EAGAIN") throw e; Atomics.wait(pause, 0, 0, 1); }
  }
};
const forge = (message) => forgeRaw(JSON.stringify(message));
const sock = (socket, kind) => ({ t: 1, socket, kind });
`;

/** One socket/option whose value is an array nested 10,000 deep (built as text: the program's stringify would overflow). */
export const deepOptionValue = `${FORGE}
const deep = "[".repeat(10_000) + "]".repeat(10_000);
const event = '{"type":"socket/option","t":1,"socket":"s1","kind":"PUB","name":"subscribe","value":' + deep + "}";
forgeRaw('{"type":"events","events":[' + event + "]}");
forgeRaw("0".repeat(32) + ' {"type":"events","events":[' + event + "]}");
console.log("forged");`;

/** One receive no send matches, then 150,000 tiny events behind it (about 9 MB). */
export const heldEventFlood = `${FORGE}
forge({ type: "events", events: [{ ...sock("s1", "PULL"), type: "message/recv", seq: 1, fp: "deadbeef", frames: [{ size: 1, preview: "x" }] }] });
for (let batch = 0; batch < 300; batch++) {
  const events = [];
  for (let i = 0; i < 500; i++) events.push({ ...sock("s1", "PULL"), type: "socket/option", name: "linger", value: i });
  forge({ type: "events", events });
}
console.log("forged");`;

/** Real sockets: `n` binds, then `n` connects to them, then the program ends. */
export function bindsThenConnects(n: number): string {
  return `
import * as zmq from "zeromq";
const pull = new zmq.Pull();
const push = new zmq.Push();
for (let i = 0; i < ${n}; i++) await pull.bind("inproc://e" + i);
for (let i = 0; i < ${n}; i++) push.connect("inproc://e" + i);
push.close();
pull.close();
console.log("done");`;
}

/** Forged: 1,000 connects, then 1,000 binds, all to one endpoint. */
export const connectsThenBindsOneEndpoint = `${FORGE}
const events = [];
for (let i = 0; i < 1000; i++) events.push({ ...sock("c" + i, "PUSH"), type: "socket/connect", endpoint: "tcp://127.0.0.1:5555" });
for (let i = 0; i < 1000; i++) events.push({ ...sock("b" + i, "PULL"), type: "socket/bind", endpoint: "tcp://127.0.0.1:5555" });
for (let i = 0; i < events.length; i += 200) forge({ type: "events", events: events.slice(i, i + 200) });
console.log("forged");`;

/** 30 MB of console events on the telemetry channel, none on stdout. */
export const consoleForgery = `${FORGE}
const text = "FORGED-CONSOLE ".repeat(6_000);
for (let i = 0; i < 340; i++) forge({ type: "events", events: [{ type: "console", t: 1, stream: "stdout", text }] });
console.log("forged");`;

/** Claims the runner's report of a wall-time limit, then exits 0. */
export const forgedWallTimeUncaught = `${FORGE}
forge({ type: "uncaught", name: "Error", message: "ran out of time", limit: "wall-time" });
forge({ type: "uncaught", name: "LimitError", message: "socket limit", limit: "sockets" });
process.exit(0);`;

/** Prints V8's out-of-memory line and exits 1, having used almost no memory. */
export const printsOutOfMemory = `
process.stderr.write("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\\n");
process.exit(1);`;

/** No sockets at all: forges a REQ/REP conversation (opens, bind, connect, three round trips) and totals. */
export const forgedHelloReqRep = `${FORGE}
const rep = sock("s1", "REP"), req = sock("s2", "REQ");
const frames = (text) => [{ size: text.length, preview: text }];
const events = [
  { ...rep, type: "socket/open", label: "REP main.ts:1", thread: 0 },
  { ...req, type: "socket/open", label: "REQ main.ts:2", thread: 0 },
  { ...rep, type: "socket/bind", endpoint: "tcp://127.0.0.1:5555" },
  { ...req, type: "socket/connect", endpoint: "tcp://127.0.0.1:5555" },
];
for (let seq = 1; seq <= 3; seq++) {
  events.push({ ...req, type: "message/send", seq, frames: frames("Hello") }, { ...rep, type: "message/recv", seq, frames: frames("Hello") });
  events.push({ ...rep, type: "message/send", seq, frames: frames("World") }, { ...req, type: "message/recv", seq, frames: frames("World") });
}
events.push({ ...rep, type: "socket/close" }, { ...req, type: "socket/close" });
forge({ type: "events", events });
forge({ type: "totals", totals: { s1: { sent: 3, received: 3 }, s2: { sent: 3, received: 3 } } });
console.log("Received World");`;

/** A legitimate message of 20,000 frames of 300 bytes (6 MB) over inproc. */
export const twentyThousandFrames = `
import * as zmq from "zeromq";
const pull = new zmq.Pull();
const push = new zmq.Push();
await pull.bind("inproc://big");
push.connect("inproc://big");
const frames = Array.from({ length: 20_000 }, (_, i) => Buffer.alloc(300, i % 256));
await push.send(frames);
const got = await pull.receive();
console.log("received " + got.length + " frames");
push.close();
pull.close();`;

/** 100 child processes at once; exits 1 when any was refused. */
export const hundredSpawns = `
import { spawn } from "node:child_process";
let refused = 0;
const started = await Promise.all(Array.from({ length: 100 }, () => new Promise((resolve) => {
  try {
    const child = spawn("/bin/sleep", ["2"], { stdio: "ignore" });
    child.on("spawn", () => resolve(true));
    child.on("error", () => { refused++; resolve(false); });
  } catch {
    refused++;
    resolve(false);
  }
})));
console.log(JSON.stringify({ started: started.filter(Boolean).length, refused }));
process.exit(refused > 0 ? 1 : 0);`;

/** 1,000-character lines in a tight loop; no sockets. */
export const longLineFlood = `const line = "x".repeat(999) + "\\n"; for (;;) process.stdout.write(line);`;

/** WebAssembly: a growable memory and a tiny module (the empty module is 8 bytes). */
export const webAssembly = `
const memory = new WebAssembly.Memory({ initial: 16, maximum: 1024 });
memory.grow(16);
const module = await WebAssembly.instantiate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
console.log(JSON.stringify({ bytes: memory.buffer.byteLength, instance: typeof module.instance }));`;

/** Many zeromq contexts, each with its own I/O threads, until libzmq cannot start one. */
export const manyContexts = `
import * as zmq from "zeromq";
const sockets = [];
for (let i = 0; i < 60; i++) {
  const context = new zmq.Context({ ioThreads: 2 });
  const socket = new zmq.Pull({ context });
  await socket.bind("inproc://c" + i);
  sockets.push(socket);
}
console.log("all contexts started");
for (const s of sockets) s.close();`;

/** Never reads control messages and stays alive until stopped. */
export const ignoresControl = `console.log("waiting"); setInterval(() => {}, 1000);`;

/** What a run can see of the host: its open descriptors, the inherited fd 40, pid 1's argv, its mounts. */
export const hostFacts = `
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
const attempt = (read) => { try { return { ok: true, text: read() }; } catch (e) { return { ok: false, code: e.code }; } };
const fds = readdirSync("/proc/self/fd").map(Number).sort((a, b) => a - b);
console.log(JSON.stringify({
  fds,
  links: fds.map((fd) => attempt(() => readlinkSync("/proc/self/fd/" + fd)).text ?? ""),
  fd40: attempt(() => readFileSync("/proc/self/fd/40", "utf8")),
  cmdline: attempt(() => readFileSync("/proc/1/cmdline", "utf8").replaceAll("\\0", " ")),
  mountinfo: attempt(() => readFileSync("/proc/self/mountinfo", "utf8")),
}));`;

/** Everything above at once, for the benchmark: a deep value, 150,000 held events, 10,000 binds and connects, console forgery. */
export const worstForgedTraffic = `${FORGE}
const deep = "[".repeat(10_000) + "]".repeat(10_000);
forgeRaw('{"type":"events","events":[{"type":"socket/option","t":1,"socket":"s1","kind":"PUB","name":"subscribe","value":' + deep + "}]}");
forge({ type: "events", events: [{ ...sock("s1", "PULL"), type: "message/recv", seq: 1, fp: "deadbeef", frames: [{ size: 1, preview: "x" }] }] });
for (let batch = 0; batch < 300; batch++) {
  const events = [];
  for (let i = 0; i < 500; i++) events.push({ ...sock("s1", "PULL"), type: "socket/option", name: "linger", value: i });
  forge({ type: "events", events });
}
for (const type of ["socket/bind", "socket/connect"]) {
  for (let batch = 0; batch < 20; batch++) {
    const events = [];
    for (let i = 0; i < 500; i++) events.push({ ...sock(type === "socket/bind" ? "b" : "c", "PUSH"), type, endpoint: "inproc://e" + (batch * 500 + i) });
    forge({ type: "events", events });
  }
}
const text = "FORGED-CONSOLE ".repeat(6_000);
for (let i = 0; i < 200; i++) forge({ type: "events", events: [{ type: "console", t: 1, stream: "stdout", text }] });
console.log("forged");`;

/** Posts a forged worker batch on the channel name worker telemetry once used, and reads its own workerData in a worker. */
export const workerChannelForgery = `
import { BroadcastChannel, Worker } from "node:worker_threads";
const channel = new BroadcastChannel("zmq-workbench/telemetry");
const open = { type: "socket/open", t: Date.now(), socket: "w9.s1", kind: "REP", label: "REP forged", thread: 9 };
channel.postMessage({ thread: 9, events: [open], totals: { "w9.s1": { sent: 3, received: 3 } } });
channel.close();
const worker = new Worker("import { workerData, parentPort } from 'node:worker_threads';\\nparentPort.postMessage(JSON.stringify(workerData));", { eval: true, workerData: { mine: 1 } });
worker.on("message", (text) => console.log(text));`;
