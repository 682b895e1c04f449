// Real PostgreSQL, Redis and nginx for tests and benchmarks: each on a free loopback port in a temporary folder,
// ready when it answers (never after a fixed sleep), and stopped with everything it wrote removed.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { Redis } from "ioredis";

const PG_BIN =
  process.env.PG_BIN ??
  ["17", "16", "15", "14"].map((v) => `/usr/lib/postgresql/${v}/bin`).find((d) => existsSync(join(d, "postgres"))) ??
  "/usr/lib/postgresql/15/bin";
const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
const READY_MS = 30_000;
const STOP_MS = 10_000;
const REPO = new URL("../../", import.meta.url).pathname;

export interface RunningService {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
      .listen(0, "127.0.0.1", () => {
        const { port } = srv.address() as { port: number };
        srv.close(() => resolve(port));
      })
      .on("error", reject);
  });
}

/** Polls `probe` until it resolves true; fails with the service's own output when it died or never got ready. */
async function waitReady(name: string, child: ChildProcess, output: () => string, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + READY_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited before it was ready:\n${output()}`);
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${name} was not ready after ${READY_MS} ms:\n${output()}`);
}

function startProcess(command: string, args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  const keep = (d: Buffer) => (text = (text + d.toString()).slice(-8000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { child, output: () => text };
}

/** Sends `signal`, then SIGKILL if the process is still there after STOP_MS. */
function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), STOP_MS);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` system user (or `nobody`). */
function databaseUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ["postgres", "nobody"]) {
    const id = spawnSync("id", ["-u", name], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", name], { encoding: "utf8" });
    if (id.status === 0 && gid.status === 0) return { uid: Number(id.stdout), gid: Number(gid.stdout) };
  }
  throw new Error("PostgreSQL cannot run as root and there is no postgres or nobody user to run it as.");
}

const asUser = (user: { uid: number; gid: number } | undefined, command: string, args: string[]): [string, string[]] =>
  user ? ["setpriv", [`--reuid=${user.uid}`, `--regid=${user.gid}`, "--clear-groups", command, ...args]] : [command, args];

export async function startPostgres(): Promise<RunningService> {
  const dir = mkdtempSync(join(tmpdir(), "zmq-wb-pg-"));
  const user = databaseUser();
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, "data");
  const init = spawnSync(
    ...asUser(user, join(PG_BIN, "initdb"), ["-D", data, "-U", "workbench", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"]),
    { encoding: "utf8" },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}${init.stdout}`);
  const port = await freePort();
  const { child, output } = startProcess(
    ...asUser(user, join(PG_BIN, "postgres"), [
      "-D",
      data,
      "-p",
      String(port),
      "-k",
      dir,
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "fsync=off",
      "-c",
      "full_page_writes=off",
      "-c",
      "max_connections=100",
    ]),
  );
  const url = `postgres://workbench@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    await stopProcess(child, "SIGINT");
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitReady("PostgreSQL", child, output, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.end();
      return true;
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, port, stop };
}

export async function startRedis(): Promise<RunningService> {
  const dir = mkdtempSync(join(tmpdir(), "zmq-wb-redis-"));
  const port = await freePort();
  const { child, output } = startProcess("redis-server", [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    dir,
    "--protected-mode",
    "yes",
  ]);
  const url = `redis://127.0.0.1:${port}`;
  const stop = async () => {
    await stopProcess(child, "SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitReady("Redis", child, output, async () => {
      const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on("error", () => {}); // refused while Redis starts: the probe tries again
      try {
        await client.connect();
        return (await client.ping()) === "PONG";
      } finally {
        client.disconnect();
      }
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, port, stop };
}

/**
 * nginx with the repository's own `deploy/nginx.conf`, its node list and listen address replaced, and every
 * file it writes (pid, logs, buffers) kept in a temporary prefix.
 */
export async function startNginx(nodes: string[]): Promise<RunningService> {
  const dir = mkdtempSync(join(tmpdir(), "zmq-wb-nginx-"));
  const port = await freePort();
  const conf = nginxConfigFor(readFileSync(join(REPO, "deploy/nginx.conf"), "utf8"), nodes, port, dir);
  writeFileSync(join(dir, "nginx.conf"), conf);
  const { child, output } = startProcess(NGINX, ["-p", dir, "-c", join(dir, "nginx.conf"), "-e", join(dir, "error.log")]);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopProcess(child, "SIGQUIT");
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(
      "nginx",
      child,
      () => output() + readIfThere(join(dir, "error.log")),
      async () => {
        const res = await fetch(`${url}/nginx-health`);
        return res.status === 204;
      },
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, port, stop };
}

/** The shipped configuration for a test: these nodes, this port, files under `prefix`, in the foreground. */
export function nginxConfigFor(shipped: string, nodes: string[], port: number, prefix: string): string {
  const user = process.getuid?.() === 0 ? `user ${userInfo().username};\n` : "";
  const withNodes = shipped.replace(
    /# nodes begin[\s\S]*?# nodes end/,
    `# nodes begin\n${nodes.map((n) => `    server ${n} max_fails=1 fail_timeout=2s;`).join("\n")}\n    # nodes end`,
  );
  const withListen = withNodes.replace(/^(\s*)listen [^;]+;/m, `$1listen 127.0.0.1:${port};`);
  const paths = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((p) => `${p}_temp_path ${join(prefix, p)};`).join(" ");
  return `${user}daemon off;\npid ${join(prefix, "nginx.pid")};\n${withListen}`
    .replace(/error_log [^;]+;/g, `error_log ${join(prefix, "error.log")} warn;`)
    .replace(/access_log [^;]+;/g, "access_log off;")
    .replace(/http \{/, `http {\n  ${paths}`);
}

function readIfThere(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}
