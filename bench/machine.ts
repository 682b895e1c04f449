import { cpus, totalmem } from "node:os";
import { createRequire } from "node:module";

export interface Machine {
  cores: number;
  memoryGiB: number;
  node: string;
  libzmq: string;
  cpu: string;
}

export function describeMachine(): Machine {
  const zmq = createRequire(import.meta.url)("zeromq") as { version: string };
  return {
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    libzmq: zmq.version,
    cpu: cpus()[0]?.model ?? "unknown",
  };
}
