import { useEffect, useRef, useState } from "react";
import type { Route } from "../routing/route.js";
import { makeTraceFile } from "../timeline/traceFile.js";
import type { Timeline } from "../timeline/useTimeline.js";
import { loadSharedTrace, sharedTraceIdFrom } from "./shareApi.js";

/** What the banner over a shared program says: the run came with the link, or why it could not be shown. */
export type SharedTraceNotice = { kind: "loading" } | { kind: "shown" } | { kind: "failed"; message: string } | null;

/** A share link with `?trace=`: the recorded run opens in the timeline beside the shared code. */
export function useSharedTrace(route: Route, openTrace: Timeline["openTrace"]): SharedTraceNotice {
  const [notice, setNotice] = useState<SharedTraceNotice>(null);
  const traceId = route.kind === "share" ? sharedTraceIdFrom(window.location.search) : null;

  // Opened once per link; openTrace changes with every timeline render, so the newest one is read when the trace arrives.
  const openTraceRef = useRef(openTrace);
  openTraceRef.current = openTrace;
  useEffect(() => {
    if (!traceId) return setNotice(null);
    let current = true;
    setNotice({ kind: "loading" });
    loadSharedTrace(traceId).then(
      (t) => {
        if (!current) return;
        openTraceRef.current(makeTraceFile(t.files, t.entry, t.events, t.dropped), "the shared run");
        setNotice({ kind: "shown" });
      },
      (err: unknown) => current && setNotice({ kind: "failed", message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      current = false;
    };
  }, [traceId]);
  return notice;
}
