// Which cores the benchmark's processes may run on, and how busy the machine was: browser figures depend on both.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";

/** BENCH_PIN=1: the server (and the sandboxed programs it starts) on core 0, the browser on the last core. */
export const PIN = process.env.BENCH_PIN === "1" && cpus().length >= 2;

export function hasTaskset(): boolean {
  try {
    execFileSync("taskset", ["-V"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The cores a process may run on, from /proc (Linux); "?" elsewhere. */
export function coresOf(pid: number | undefined): string {
  if (!pid || !existsSync(`/proc/${pid}/status`)) return "?";
  return /Cpus_allowed_list:\s*(\S+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? "?";
}

/** CPU seconds a process and its waited-for children used so far (utime+stime+cutime+cstime). */
export function cpuSeconds(pid: number | undefined): number {
  if (!pid || !existsSync(`/proc/${pid}/stat`)) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
}

export function loadNote(): string {
  const [one, five] = loadavg();
  return `load average ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min) on ${cpus().length} cores`;
}

/** The command prefix that pins a process to `cores`, or nothing when not pinning. */
export function pinned(cores: string, command: string[]): string[] {
  return PIN ? ["taskset", "-c", cores, ...command] : command;
}

/** CPU seconds of a process and all its live descendants (a browser's renderers, a server's sandboxes). */
export function treeCpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  let total = cpuSeconds(pid);
  const path = `/proc/${pid}/task/${pid}/children`;
  if (existsSync(path)) for (const child of readFileSync(path, "utf8").trim().split(/\s+/).filter(Boolean)) total += treeCpuSeconds(Number(child));
  return total;
}
