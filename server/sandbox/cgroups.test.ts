import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CgroupHost } from "./cgroups.js";

// A fake /sys/fs/cgroup in a temp dir: the logic only reads and writes files, so the layouts can be checked anywhere.
let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function fakeV1(): string {
  root = mkdtempSync(join(tmpdir(), "wb-cgroup-v1-"));
  for (const c of ["memory/server", "pids"]) mkdirSync(join(root, c), { recursive: true });
  return "12:pids:/\n4:memory:/server\n0::/\n";
}

function fakeV2(subtree: string): string {
  root = mkdtempSync(join(tmpdir(), "wb-cgroup-v2-"));
  mkdirSync(join(root, "app.slice"), { recursive: true });
  writeFileSync(join(root, "cgroup.controllers"), "cpu memory pids");
  writeFileSync(join(root, "app.slice/cgroup.subtree_control"), subtree);
  return "0::/app.slice\n";
}

describe("CgroupHost", () => {
  it("uses the v1 memory and pids hierarchies under the server's own cgroups", () => {
    const self = fakeV1();
    const host = CgroupHost.detect(root, self);
    if (typeof host === "string") throw new Error(host);
    expect(host.version).toBe(1);
    const run = host.create({ memoryBytes: 256 * 1024 * 1024, pids: 32 });
    const memory = join(root, "memory/server/zmq-workbench", run.name);
    expect(readFileSync(join(memory, "memory.limit_in_bytes"), "utf8")).toBe(String(256 * 1024 * 1024));
    expect(readFileSync(join(root, "pids/zmq-workbench", run.name, "pids.max"), "utf8")).toBe("32");
    const { file, args } = run.wrap("/usr/bin/prlimit", ["--", "node"]);
    expect(file).toBe("/bin/sh");
    expect(args.slice(3)).toEqual([
      "2",
      join(memory, "cgroup.procs"),
      join(root, "pids/zmq-workbench", run.name, "cgroup.procs"),
      "/usr/bin/prlimit",
      "--",
      "node",
    ]);
  });

  it("puts all runs in one v1 cpu cgroup too, weighed as one session, where the cpu hierarchy exists", () => {
    const self = fakeV1();
    mkdirSync(join(root, "cpu"), { recursive: true });
    const host = CgroupHost.detect(root, `${self}3:cpu:/\n`);
    if (typeof host === "string") throw new Error(host);
    expect(readFileSync(join(root, "cpu/zmq-workbench/cpu.shares"), "utf8")).toBe("1024");
    const run = host.create({ memoryBytes: 1024, pids: 4 });
    const cpuProcs = join(root, "cpu/zmq-workbench", run.name, "cgroup.procs");
    expect(run.wrap("/bin/true", []).args).toContain(cpuProcs);
  });

  it("reads OOM kills and refused forks from the v1 counters", () => {
    const self = fakeV1();
    const host = CgroupHost.detect(root, self) as CgroupHost;
    const run = host.create({ memoryBytes: 1, pids: 1 });
    expect(run.usage()).toEqual({ oomKills: 0, pidsRefused: 0 });
    const { name } = run;
    writeFileSync(join(root, "memory/server/zmq-workbench", name, "memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
    writeFileSync(join(root, "pids/zmq-workbench", name, "pids.events"), "max 7\n");
    expect(run.usage()).toEqual({ oomKills: 2, pidsRefused: 7 });
  });

  it("uses one v2 cgroup with memory.max, no swap and pids.max", () => {
    const self = fakeV2("memory pids");
    const host = CgroupHost.detect(root, self);
    if (typeof host === "string") throw new Error(host);
    expect(host.version).toBe(2);
    const run = host.create({ memoryBytes: 1000, pids: 8 });
    const dir = join(root, "app.slice/zmq-workbench", run.name);
    expect(readFileSync(join(dir, "memory.max"), "utf8")).toBe("1000");
    expect(readFileSync(join(dir, "pids.max"), "utf8")).toBe("8");
    expect(readFileSync(join(root, "app.slice/zmq-workbench/cgroup.subtree_control"), "utf8")).toBe("+memory +pids");
  });

  it("never gives two runs one name, even from two hosts in one process", () => {
    const self = fakeV2("memory pids");
    const a = CgroupHost.detect(root, self) as CgroupHost;
    // A second detect on this fake tree would trip on the first one's probe folder, which a real cgroupfs removes.
    const b = new CgroupHost(2, [{ controller: "unified", path: join(root, "app.slice/zmq-workbench") }]);
    const names = [a.create({ memoryBytes: 1000, pids: 8 }).name, b.create({ memoryBytes: 1000, pids: 8 }).name];
    expect(names[0]).toMatch(new RegExp(`^run-${process.pid}-\\d+$`));
    expect(new Set(names).size).toBe(2);
    for (const name of names) expect(existsSync(join(root, "app.slice/zmq-workbench", name, "memory.max"))).toBe(true);
  });

  it("says why when the host has no cgroups to write", () => {
    root = mkdtempSync(join(tmpdir(), "wb-cgroup-none-"));
    const reason = CgroupHost.detect(join(root, "missing"), "");
    expect(typeof reason).toBe("string");
    expect(reason).toMatch(/not writable/);
    expect(existsSync(join(root, "missing"))).toBe(false);
  });
});
