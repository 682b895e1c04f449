import { writeSync } from "node:fs";
import { CHANNEL_BOUNDS, CHANNEL_FD, type RunnerToSupervisor } from "../channel.js";
import type { TraceEvent } from "../../../protocol/trace.js";

const RETRY_SLEEP_MS = 2;
const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Room left in a line for the key and the `{"type":"events","events":[…]}` around the events. */
const LINE_ROOM_BYTES = CHANNEL_BOUNDS.LINE_BYTES - CHANNEL_BOUNDS.KEY_CHARS - 64;

/**
 * The run's channel key, from the job. Module-private on purpose: the program shares this process, and a line
 * without the key is how the supervisor tells the program's own writes to fd 3 from ours.
 */
let key = "";

/** Once, when the job arrives; later calls (the program reaching this module) change nothing. */
export function setChannelKey(jobKey: string): void {
  if (!key) key = jobKey;
}

/**
 * Writes one channel message synchronously, so it is out even when the program calls process.exit() or dies of an
 * uncaught error right after. The fd may be non-blocking (EAGAIN) when the supervisor is slow to read.
 */
export function writeChannelMessage(message: RunnerToSupervisor): void {
  writeLine(JSON.stringify(message));
}

/** Events as as many lines as the channel's bounds need; an event too big for any line is left out. */
export function writeEvents(events: readonly TraceEvent[]): void {
  let parts: string[] = [];
  let bytes = 0;
  const flush = (): void => {
    if (parts.length) writeLine(`{"type":"events","events":[${parts.join(",")}]}`);
    parts = [];
    bytes = 0;
  };
  for (const event of events) {
    const json = JSON.stringify(event);
    const size = Buffer.byteLength(json, "utf8") + 1;
    if (size > LINE_ROOM_BYTES) continue;
    if (bytes + size > LINE_ROOM_BYTES || parts.length >= CHANNEL_BOUNDS.EVENTS_PER_LINE) flush();
    parts.push(json);
    bytes += size;
  }
  flush();
}

function writeLine(json: string): void {
  writeAll(Buffer.from(key ? `${key} ${json}\n` : `${json}\n`, "utf8"));
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
