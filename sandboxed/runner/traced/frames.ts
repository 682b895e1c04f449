import type { Frame } from "../../../protocol/trace.js";
import { CHANNEL_BOUNDS } from "../channel.js";

const PREVIEW_CHARS = 64;
const HEAD_BYTES = 256;
const HEX_PREVIEW_BYTES = 32;
/** Control characters other than tab and newlines, and the replacement character of invalid UTF-8. */
const NOT_PRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;

type FrameLike = unknown;

/** Byte length of one frame as zeromq.js will send it, without copying it. */
export function frameBytes(frame: FrameLike): number {
  if (typeof frame === "string") return Buffer.byteLength(frame, "utf8");
  if (ArrayBuffer.isView(frame)) return frame.byteLength;
  if (frame instanceof ArrayBuffer || frame instanceof SharedArrayBuffer) return frame.byteLength;
  if (frame === null || frame === undefined) return 0;
  return Buffer.byteLength(String(frame), "utf8");
}

export function messageBytes(message: FrameLike): number {
  if (!Array.isArray(message)) return frameBytes(message);
  let total = 0;
  for (const frame of message) total += frameBytes(frame);
  return total;
}

/** A view on at most the first `max` bytes of a frame; copies nothing except for strings and numbers. */
function headBytes(frame: FrameLike, max: number): Buffer {
  if (ArrayBuffer.isView(frame)) return Buffer.from(frame.buffer, frame.byteOffset, Math.min(max, frame.byteLength));
  if (frame instanceof ArrayBuffer || frame instanceof SharedArrayBuffer) {
    return Buffer.from(frame, 0, Math.min(max, frame.byteLength));
  }
  if (frame === null || frame === undefined) return Buffer.alloc(0);
  const text = typeof frame === "string" ? frame : String(frame);
  return Buffer.from(text.slice(0, max), "utf8").subarray(0, max);
}

function preview(head: Buffer, size: number): string {
  let text = head.toString("utf8", 0, Math.min(head.length, PREVIEW_CHARS * 4));
  const cut = size > head.length;
  if (cut) text = text.replace(/\ufffd+$/, ""); // a character split by the head's end
  if (!NOT_PRINTABLE.test(text)) {
    const chars = Array.from(text);
    return chars.length > PREVIEW_CHARS || cut ? `${chars.slice(0, PREVIEW_CHARS).join("")}…` : text;
  }
  const hex = head.subarray(0, HEX_PREVIEW_BYTES).toString("hex");
  return size > HEX_PREVIEW_BYTES ? `${hex}…` : hex;
}

export function summarizeFrame(frame: FrameLike): Frame {
  const size = frameBytes(frame);
  const head = headBytes(frame, HEAD_BYTES);
  return { size, preview: preview(head, size), head: head.toString("base64") };
}

/** How routing envelopes look on a socket kind: ROUTER/STREAM frames start with an identity, DEALER may carry a delimiter. */
export type Envelope = "identity" | "delimiter-only" | "none";

/** A message's frames as a trace event lists them: at most FRAMES_PER_MESSAGE, and how many more there were. */
export interface MessageSummary {
  frames: Frame[];
  moreFrames?: number;
}

/**
 * Frame summaries; routing envelopes are marked so the inspector can set them apart from the body. A message of
 * thousands of frames is legitimate: the first ones are listed and the rest counted, so its event stays small.
 */
export function summarizeMessage(message: FrameLike, envelope: Envelope): MessageSummary {
  const all = Array.isArray(message) ? message : [message];
  const listed = summarizeFrames(all.slice(0, CHANNEL_BOUNDS.FRAMES_PER_MESSAGE), all.length, envelope);
  return all.length > listed.length ? { frames: listed, moreFrames: all.length - listed.length } : { frames: listed };
}

function summarizeFrames(frames: FrameLike[], total: number, envelope: Envelope): Frame[] {
  const identities = envelope === "identity" ? 1 : 0;
  return frames.map((frame, index) => {
    const summary = summarizeFrame(frame);
    if (index < identities) summary.envelope = "identity";
    else if (envelope !== "none" && index === identities && summary.size === 0 && total > index + 1) {
      summary.envelope = "delimiter";
    }
    return summary;
  });
}
