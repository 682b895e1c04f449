import type { Frame } from "../../../protocol/trace.js";

export interface FrameViews {
  size: number;
  /** Whether the views show the whole frame or only its first bytes. */
  complete: boolean;
  hex: string;
  utf8: string | null;
  json: string | null;
  /** The bytes the views come from: the recorded head, or the preview when it is the whole frame. */
  bytes: Uint8Array;
  envelope?: Frame["envelope"];
}

export function base64Bytes(b64: string): Uint8Array {
  try {
    const bin = atob(b64);
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return new Uint8Array();
  }
}

export function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(" ");
}

function utf8Of(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function jsonOf(text: string | null): string | null {
  if (text === null) return null;
  const trimmed = text.trim();
  if (!/^[[{"]/.test(trimmed)) return null;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return null;
  }
}

/** The frame as hex, UTF-8 and JSON, from its first bytes when the trace has them, else from its preview. */
export function frameViews(frame: Frame): FrameViews {
  if (frame.head === undefined) {
    const bytes = new TextEncoder().encode(frame.preview);
    const complete = bytes.length === frame.size;
    return {
      size: frame.size,
      complete,
      hex: complete ? hexOf(bytes) : "",
      utf8: frame.preview,
      json: complete ? jsonOf(frame.preview) : null,
      bytes: complete ? bytes : new Uint8Array(),
      envelope: frame.envelope,
    };
  }
  const bytes = base64Bytes(frame.head);
  const complete = bytes.length >= frame.size;
  const utf8 = utf8Of(bytes);
  return { size: frame.size, complete, hex: hexOf(bytes), utf8, json: complete ? jsonOf(utf8) : null, bytes, envelope: frame.envelope };
}
