import { readSync } from "node:fs";
import { Value } from "@sinclair/typebox/value";
import { CHANNEL_FD, JobMessage } from "../channel.js";

const CHUNK_BYTES = 64 * 1024;
const RETRY_SLEEP_MS = 5;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

export interface ReceivedJob {
  job: JobMessage;
  /** Bytes that came after the job line (control messages sent right after it). */
  rest: Buffer;
}

/**
 * Blocks until the supervisor sends the one job line. A blocking read costs no CPU while a warm pool slot waits,
 * and keeps fd 3 blocking, so telemetry writes need no event loop.
 */
export function readJobBlocking(): ReceivedJob {
  const chunk = Buffer.alloc(CHUNK_BYTES);
  const parts: Buffer[] = [];
  let rest = Buffer.alloc(0);
  for (;;) {
    const n = readRetrying(chunk);
    if (n === 0) throw new Error("the supervisor closed the channel before sending a job");
    const newline = chunk.subarray(0, n).indexOf(10);
    parts.push(Buffer.from(chunk.subarray(0, newline >= 0 ? newline : n)));
    if (newline >= 0) {
      rest = Buffer.from(chunk.subarray(newline + 1, n));
      break;
    }
  }
  const line = Buffer.concat(parts);
  const message: unknown = JSON.parse(line.toString("utf8"));
  // The line holds the channel key: nothing of it should stay around for the program to find.
  line.fill(0);
  for (const part of parts) part.fill(0);
  chunk.fill(0);
  if (!Value.Check(JobMessage, message)) throw new Error("the first channel message was not a job");
  return { job: message, rest };
}

function readRetrying(into: Buffer): number {
  for (;;) {
    try {
      return readSync(CHANNEL_FD, into, 0, into.length, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EAGAIN") throw err;
      Atomics.wait(sleeper, 0, 0, RETRY_SLEEP_MS);
    }
  }
}
