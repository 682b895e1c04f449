// A real workbench node in a child process on a free loopback port, for cluster tests and benchmarks.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./services.js";

const REPO = new URL("../../", import.meta.url).pathname;
const READY_MS = 60_000;

export interface NodeProcess {
  url: string;
  ws: string;
  address: string;
  child: ChildProcess;
  /** The exit code once the process has ended. */
  exited: Promise<number | null>;
  output(): string;
  stop(): Promise<void>;
}

export async function startNode(env: Record<string, string>): Promise<NodeProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "zmq-wb-node-"));
  const child = spawn(process.execPath, ["--import", "tsx", join(REPO, "server/main.ts")], {
    cwd: REPO,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const keep = (d: Buffer) => (text = (text + d.toString()).slice(-20_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      rmSync(dataDir, { recursive: true, force: true });
      resolve(code);
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const node: NodeProcess = {
    url,
    ws: `ws://127.0.0.1:${port}`,
    address: `127.0.0.1:${port}`,
    child,
    exited,
    output: () => text,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
        child.kill("SIGTERM");
        await exited;
        clearTimeout(force);
      }
    },
  };
  const deadline = Date.now() + READY_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The node exited before it was ready:\n${text}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return node;
    if (Date.now() > deadline) {
      await node.stop();
      throw new Error(`The node was not ready after ${READY_MS} ms:\n${text}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
