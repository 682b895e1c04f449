import type { Envelope } from "./frames.js";

const EDGE_BYTES = 64;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Evenly spaced bytes hashed besides head and tail, so a buffer rewritten in place is noticed. */
const STRIDE_SAMPLES = 64;

/** The bytes of one frame as zeromq.js will send them; strings are encoded, views are not copied. */
export function frameView(frame: unknown): Uint8Array {
  if (ArrayBuffer.isView(frame)) return new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength);
  if (frame instanceof ArrayBuffer || frame instanceof SharedArrayBuffer) return new Uint8Array(frame);
  if (frame === null || frame === undefined) return new Uint8Array(0);
  return Buffer.from(typeof frame === "string" ? frame : String(frame), "utf8");
}

function mix(hash: number, byte: number): number {
  return Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
}

function mixFrame(hash: number, bytes: Uint8Array): number {
  const n = bytes.length;
  let h = mix(mix(mix(mix(hash, n & 0xff), (n >>> 8) & 0xff), (n >>> 16) & 0xff), n >>> 24);
  const head = Math.min(EDGE_BYTES, n);
  for (let i = 0; i < head; i++) h = mix(h, bytes[i]);
  for (let i = Math.max(head, n - EDGE_BYTES); i < n; i++) h = mix(h, bytes[i]);
  return h;
}

/**
 * The frames that cross every hop unchanged: ROUTER/STREAM frames lose their identity, and on sockets that see
 * envelopes (ROUTER, DEALER) everything up to the first empty delimiter is routing. REQ and REP never see theirs.
 */
function bodyFrames(frames: unknown[], envelope: Envelope): unknown[] {
  const start = envelope === "identity" ? 1 : 0;
  if (envelope === "none") return frames;
  for (let i = start; i < frames.length - 1; i++) if (frameView(frames[i]).length === 0) return frames.slice(i + 1);
  return frames.slice(start);
}

/** 32-bit FNV-1a of each body frame's size, first and last 64 bytes, as 8 hex digits. Only for emitted events. */
export function messageFingerprint(message: unknown, envelope: Envelope): string {
  const frames = Array.isArray(message) ? message : [message];
  let hash = FNV_OFFSET;
  for (const frame of bodyFrames(frames, envelope)) hash = mixFrame(hash, frameView(frame));
  return hash.toString(16).padStart(8, "0");
}

/** A cheap hash of a whole buffer's size, edges and spread samples, to see whether it was rewritten later. */
export function sampledHash(view: Uint8Array): number {
  let hash = mixFrame(FNV_OFFSET, view);
  const step = Math.max(1, Math.floor(view.length / STRIDE_SAMPLES));
  for (let i = 0; i < view.length; i += step) hash = mix(hash, view[i]);
  return hash;
}
