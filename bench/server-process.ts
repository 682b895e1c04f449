// Starts the real server in a child process on a free port, for benchmarks that measure it from outside.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
      .listen(0, "127.0.0.1", () => {
        const port = (srv.address() as { port: number }).port;
        srv.close(() => resolve(port));
      })
      .on("error", reject);
  });
}

export interface ServerHandle {
  url: string;
  ws: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/** `prefix` runs the server under another command, e.g. `taskset -c 0` to pin it (and the programs it starts) to a core. */
export async function startServer(env: Record<string, string> = {}, prefix: string[] = []): Promise<ServerHandle> {
  const port = await freePort();
  const [command, ...args] = [...prefix, process.execPath, "--import", "tsx", join(root, "server/main.ts")];
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", DATA_DIR: mkdtempSync(join(tmpdir(), "zmq-wb-bench-")), ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    ws: `ws://127.0.0.1:${port}`,
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
