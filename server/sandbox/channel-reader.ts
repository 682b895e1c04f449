import { randomBytes } from "node:crypto";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { CHANNEL_BOUNDS, RunnerToSupervisor } from "../../sandboxed/runner/channel.js";

const checkMessage = TypeCompiler.Compile(RunnerToSupervisor);
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Why a line was not taken: the program wrote it (no key), or it broke the channel's bounds or contract. */
export type Rejection = "unsigned" | "malformed";

/**
 * Whether JSON text nests arrays and objects deeper than `max`, in one pass over the bytes and before parsing: a
 * value nested 10,000 deep parses fine but overflows the stack of whatever walks it next (JSON.stringify, a check).
 */
export function nestsDeeperThan(json: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const byte = json[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_BRACKET || byte === CLOSE_BRACE) depth--;
  }
  return false;
}

/**
 * Reads the runner's side of the channel, line by line, as hostile input: before the job only `ready`; after it
 * only lines that start with the run's key, within the channel's size and depth bounds and its schema. Everything
 * else is counted and dropped, never parsed further.
 */
export class ChannelReader {
  private key: Buffer | undefined;
  /** Lines dropped, by why. */
  readonly rejected: Record<Rejection, number> = { unsigned: 0, malformed: 0 };

  /** A fresh key for the job; from now on only lines that carry it are the runner's. */
  newKey(): string {
    const key = randomBytes(CHANNEL_BOUNDS.KEY_CHARS / 2).toString("hex");
    this.key = Buffer.from(`${key} `, "latin1");
    return key;
  }

  read(line: Buffer): RunnerToSupervisor | Rejection {
    let json = line;
    if (this.key) {
      if (line.length < this.key.length || !line.subarray(0, this.key.length).equals(this.key)) return this.reject("unsigned");
      json = line.subarray(this.key.length);
    }
    if (json.length > CHANNEL_BOUNDS.LINE_BYTES || nestsDeeperThan(json, CHANNEL_BOUNDS.DEPTH)) return this.reject("malformed");
    let message: unknown;
    try {
      message = JSON.parse(json.toString("utf8"));
    } catch {
      return this.reject("malformed");
    }
    if (!checkMessage.Check(message)) return this.reject("malformed");
    // Before the job only `ready` means anything; after it, `ready` is a replay.
    if ((message.type === "ready") === Boolean(this.key)) return this.reject(this.key ? "malformed" : "unsigned");
    return message;
  }

  private reject(why: Rejection): Rejection {
    this.rejected[why]++;
    return why;
  }
}
