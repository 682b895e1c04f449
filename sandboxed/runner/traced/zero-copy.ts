import { frameView, sampledHash } from "./fingerprint.js";
import { diagnoseOnce, type SocketTrace } from "./socket-trace.js";

/** libzmq copies frames up to this size; larger ones are sent by reference (see DESIGN.md). */
const ZERO_COPY_ABOVE_BYTES = 128;
/** How long after a send a rewrite of its buffer still counts as "while it may be queued". */
const WATCH_MS = 50;

interface Watched {
  views: Uint8Array[];
  hashes: number[];
}

const watched = new WeakMap<SocketTrace, Watched>();

/**
 * Remembers the large binary frames of a recorded send, to notice the program rewriting them right after: those
 * bytes are still libzmq's until delivered, so the peer may receive the new contents.
 */
export function watchZeroCopy(trace: SocketTrace, message: unknown): void {
  checkZeroCopy(trace);
  const frames = Array.isArray(message) ? message : [message];
  const views: Uint8Array[] = [];
  for (const frame of frames) {
    if (typeof frame === "string" || frame === null || frame === undefined) continue;
    const view = frameView(frame);
    if (view.byteLength > ZERO_COPY_ABOVE_BYTES) views.push(view);
  }
  if (views.length === 0) return;
  watched.set(trace, { views, hashes: views.map(sampledHash) });
  setTimeout(checkZeroCopy, WATCH_MS, trace).unref();
}

/** Called before the socket's next send and once the watch time is over. */
export function checkZeroCopy(trace: SocketTrace): void {
  const entry = watched.get(trace);
  if (!entry) return;
  watched.delete(trace);
  const changed = entry.views.find((view, i) => sampledHash(view) !== entry.hashes[i]);
  if (!changed) return;
  diagnoseOnce(
    trace,
    "zero-copy-buffer-mutated",
    `${trace.id} (${trace.kind}) changed a ${changed.byteLength}-byte buffer right after send() took it. Frames over ${ZERO_COPY_ABOVE_BYTES} bytes are sent without copying, so the peer may receive the changed bytes. Send a fresh buffer per message, or a copy (Buffer.from(buffer)).`,
    "warning",
  );
}
