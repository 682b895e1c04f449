/**
 * Learner programs that attack the sandbox, one per threat in SECURITY.md. Each prints one JSON line of what it
 * managed to do (when it gets that far), so the test can assert both the verdict and what the program saw.
 * Network targets are only loopback and TEST-NET-1 (192.0.2.0/24, reserved, never routed).
 */
export const TEST_NET_ADDRESS = "192.0.2.1";

export const busyLoop = `for (;;) {}`;

/** Never yields to the event loop and allocates nothing that grows: only the wall-time limit can end it. */
export const microtaskLoop = `const spin = () => queueMicrotask(spin); spin();`;

export const heapBomb = `const keep = []; for (;;) keep.push(new Array(1_000_000).fill(Math.random()));`;

export const bufferBomb = `const keep = []; for (;;) keep.push(Buffer.alloc(64 * 1024 * 1024, 1));`;

export function readHostFiles(appFile: string): string {
  return `
import { readFileSync, readdirSync } from "node:fs";
const attempt = (path) => { try { return { ok: true, text: readFileSync(path, "utf8").slice(0, 4000) }; } catch (e) { return { ok: false, code: e.code }; } };
console.log(JSON.stringify({
  shadow: attempt("/etc/shadow"),
  app: attempt(${JSON.stringify(appFile)}),
  initEnviron: attempt("/proc/1/environ"),
  ownEnviron: attempt("/proc/self/environ"),
  root: readdirSync("/"),
  cmdline: attempt("/proc/self/cmdline"),
}));`;
}

export function writeOutside(paths: string[]): string {
  return `
import { writeFileSync } from "node:fs";
const results = {};
for (const path of ${JSON.stringify(paths)}) {
  try { writeFileSync(path, "written by a hostile program"); results[path] = "written"; } catch (e) { results[path] = e.code; }
}
console.log(JSON.stringify(results));`;
}

export const networkEgress = `
import net from "node:net";
import os from "node:os";
import * as zmq from "zeromq";
const tcp = await new Promise((resolve) => {
  const s = net.connect({ host: "${TEST_NET_ADDRESS}", port: 80 });
  s.on("connect", () => { s.destroy(); resolve("connected"); });
  s.on("error", (e) => resolve(e.code));
  setTimeout(() => { s.destroy(); resolve("timeout"); }, 2000);
});
// immediate: queue nothing until a connection exists, so a send proves whether one was ever made.
const dealer = new zmq.Dealer({ sendTimeout: 300, linger: 0, immediate: true });
dealer.connect("tcp://${TEST_NET_ADDRESS}:5555");
let zeromq;
try { await dealer.send("hello?"); zeromq = "sent"; } catch (e) { zeromq = e.code ?? e.message; }
dealer.close();
console.log(JSON.stringify({ tcp, zeromq, interfaces: Object.keys(os.networkInterfaces()) }));`;

export const exitThree = `console.log("bye"); process.exit(3);`;

/** Many children, some detached into their own sessions, some double-forked; each carries `marker` in its argv. */
export function processSwarm(marker: string): string {
  return `
import { spawn } from "node:child_process";
const outcomes = [];
for (let i = 0; i < 300; i++) {
  outcomes.push(new Promise((resolve) => {
    try {
      const child = spawn("/bin/sh", ["-c", "sleep 600 # ${marker}"], { detached: i % 2 === 0, stdio: "ignore" });
      child.on("spawn", () => resolve("started"));
      child.on("error", () => resolve("refused"));
      child.unref();
    } catch { resolve("refused"); }
  }));
}
const results = await Promise.all(outcomes);
const started = results.filter((r) => r === "started").length;
const refused = results.length - started;
const title = spawn(process.execPath, ["-e", "process.title = '${marker}-node'; setInterval(() => {}, 1000)"], { detached: true, stdio: "ignore" });
title.on("error", () => {});
title.unref();
spawn("/bin/sh", ["-c", "(sleep 600 # ${marker}-double &) ; exit 0"], { stdio: "ignore" }).on("error", () => {});
await new Promise((r) => setTimeout(r, 700));
console.log(JSON.stringify({ started, refused }));
process.exit(0);`;
}

export const manySockets = `
import * as zmq from "zeromq";
const sockets = [];
for (let i = 0; i < 5000; i++) sockets.push(new zmq.Pair());
console.log("all 5000 opened");`;

export const outputFlood = `const line = "flood ".repeat(100) + "\\n"; for (;;) process.stdout.write(line);`;

export const misspelledOption = `
import * as zmq from "zeromq";
const sock = new zmq.Push({ lingr: 0 });
sock.close();`;

export const hugeMessages = `
import * as zmq from "zeromq";
const push = new zmq.Push({ linger: 0 });
const pull = new zmq.Pull();
await pull.bind("inproc://big");
push.connect("inproc://big");
for (let i = 0; i < 4; i++) await push.send(Buffer.alloc(1024 * 1024 * 1024, 7));
console.log("sent 4 GiB");`;

export const ignoresSigterm = `
process.on("SIGTERM", () => console.log("ignoring SIGTERM"));
console.log("running");
setInterval(() => {}, 1000);`;

/** PUSH/PULL over tcp on one port; `title` lets the host find the runner process by its argv. */
export function pingPong(port: number, rounds: number, title?: string): string {
  return `
${title ? `process.title = ${JSON.stringify(title)};` : ""}
import * as zmq from "zeromq";
const pull = new zmq.Pull();
await pull.bind("tcp://127.0.0.1:${port}");
const push = new zmq.Push();
push.connect("tcp://127.0.0.1:${port}");
for (let i = 0; i < ${rounds}; i++) {
  await push.send("ping " + i);
  await pull.receive();
  if (i % 100 === 0) await new Promise((r) => setTimeout(r, 1));
}
push.close();
pull.close();
console.log("done ${rounds}");`;
}
