import { writeSync } from "node:fs";
import { CHANNEL_FD, type RunnerToSupervisor } from "../channel.js";

const RETRY_SLEEP_MS = 2;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes one channel message synchronously, so it is out even when the program calls process.exit() or dies of an
 * uncaught error right after. The fd may be non-blocking (EAGAIN) when the supervisor is slow to read.
 */
export function writeChannelMessage(message: RunnerToSupervisor): void {
  writeAll(Buffer.from(JSON.stringify(message) + "\n", "utf8"));
}

function writeAll(bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(CHANNEL_FD, bytes, offset, bytes.length - offset);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EAGAIN" || code === "EWOULDBLOCK") {
        Atomics.wait(sleeper, 0, 0, RETRY_SLEEP_MS);
        continue;
      }
      if (code === "EPIPE" || code === "EBADF") return; // the supervisor is gone; nobody is listening
      throw err;
    }
  }
}
