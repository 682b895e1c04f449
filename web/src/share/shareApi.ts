import { Value } from "@sinclair/typebox/value";
import { Share, ShareCreated } from "../../../protocol/api.js";
import type { ProgramFiles } from "../../../protocol/files.js";
import { SharedTrace, SharedTraceCreated } from "../../../protocol/sharedTrace.js";

/** The share id in a page path like /s/AbC123xy, or null on any other page. */
export function shareIdFromPath(pathname: string): string | null {
  const m = /^\/s\/([A-Za-z0-9_-]{8,32})\/?$/.exec(pathname);
  return m ? m[1] : null;
}

async function errorSentence(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { message?: unknown };
    if (typeof body.message === "string") return body.message;
  } catch {
    // Not JSON: the status line is all there is.
  }
  return `The server answered ${res.status} ${res.statusText}.`.replace(/ \./, ".");
}

export async function createShare(files: ProgramFiles, entry?: string): Promise<ShareCreated> {
  const res = await fetch("/api/shares", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(entry ? { files, entry } : { files }),
  });
  if (!res.ok) throw new Error(await errorSentence(res));
  const body: unknown = await res.json();
  if (!Value.Check(ShareCreated, body)) throw new Error("The server's answer to the share request was not understood.");
  return body;
}

export async function loadShare(id: string): Promise<Share> {
  const res = await fetch(`/api/shares/${encodeURIComponent(id)}`);
  if (res.status === 404) throw new Error("This shared program does not exist (any more).");
  if (!res.ok) throw new Error(await errorSentence(res));
  const body: unknown = await res.json();
  if (!Value.Check(Share, body)) throw new Error("The shared program could not be read.");
  return body;
}

/** The absolute address to hand to someone else. */
export function absoluteShareUrl(url: string, origin: string): string {
  return new URL(url, origin).toString();
}

/**
 * Stores a run's trace beside a share; the share link carries its id as `?trace=`. The server sets the largest
 * trace (WB_SHARED_TRACE_BYTES) and says so in its answer when this one is bigger.
 */
export async function createSharedTrace(trace: SharedTrace): Promise<string> {
  const body = JSON.stringify(trace);
  const res = await fetch("/api/traces", { method: "POST", headers: { "content-type": "application/json" }, body });
  if (!res.ok) throw new Error(await errorSentence(res));
  const created: unknown = await res.json();
  if (!Value.Check(SharedTraceCreated, created)) throw new Error("The server's answer to the trace upload was not understood.");
  return created.id;
}

export async function loadSharedTrace(id: string): Promise<SharedTrace> {
  const res = await fetch(`/api/traces/${encodeURIComponent(id)}`);
  if (res.status === 404) throw new Error("The run shared with this link does not exist (any more); the code is here to run.");
  if (!res.ok) throw new Error(await errorSentence(res));
  const body: unknown = await res.json();
  if (!Value.Check(SharedTrace, body)) throw new Error("The run shared with this link could not be read.");
  return body;
}

/** The trace id a share link carries, if any. */
export function sharedTraceIdFrom(search: string): string | null {
  const id = new URLSearchParams(search).get("trace");
  return id && /^[A-Za-z0-9_-]{8,32}$/.test(id) ? id : null;
}
