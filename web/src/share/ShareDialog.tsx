import { useEffect, useRef, useState } from "react";
import type { ProgramFiles } from "../../../protocol/files.js";
import { ToolbarDialog } from "../toolbar/ToolbarDialog.js";
import type { SharedTrace } from "../../../protocol/sharedTrace.js";
import { absoluteShareUrl, createShare, createSharedTrace } from "./shareApi.js";

type ShareState = { kind: "busy" } | { kind: "done"; url: string } | { kind: "failed"; message: string };

interface Props {
  files: ProgramFiles;
  entry: string;
  /** The last run's trace with the program it ran, or null before any run. */
  trace: () => SharedTrace | null;
}

/** "Share": a dialog that saves the files on the server and offers the link to copy. */
export function ShareDialog(props: Props) {
  return (
    <ToolbarDialog label="Share" className="share-dialog" headingId="share-heading" heading="Share this program" closeLabel="Close">
      {() => <ShareForm {...props} />}
    </ToolbarDialog>
  );
}

/** Mounted each time the dialog opens, so the link is always for the files as they are now. */
function ShareForm({ files, entry, trace }: Props) {
  const [state, setState] = useState<ShareState>({ kind: "busy" });
  const [copied, setCopied] = useState(false);
  const [lastRun] = useState(trace);
  const [program] = useState({ files, entry });
  const [withTrace, setWithTrace] = useState(false);
  const [traceState, setTraceState] = useState<ShareState | null>(null);
  const linkRef = useRef<HTMLInputElement>(null);

  // One share per opening, of the files as they were when it opened
  useEffect(() => {
    let current = true;
    createShare(program.files, program.entry).then(
      (created) => current && setState({ kind: "done", url: absoluteShareUrl(created.url, window.location.origin) }),
      (err: unknown) => current && setState({ kind: "failed", message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      current = false;
    };
  }, [program]);

  useEffect(() => {
    if (!withTrace || !lastRun || state.kind !== "done") return setTraceState(null);
    let current = true;
    setTraceState({ kind: "busy" });
    createSharedTrace(lastRun).then(
      (id) => current && setTraceState({ kind: "done", url: `${state.url}?trace=${id}` }),
      (err: unknown) => current && setTraceState({ kind: "failed", message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      current = false;
    };
  }, [withTrace, lastRun, state]);

  const shown = traceState?.kind === "done" ? traceState : state;
  useEffect(() => {
    if (shown.kind === "done") linkRef.current?.select();
  }, [shown]);

  async function copy(url: string) {
    setCopied(
      (await navigator.clipboard?.writeText(url).then(
        () => true,
        () => false,
      )) ?? false,
    );
  }

  return (
    <div className="share-form">
      <p>Anyone with this link opens a copy of these files in their own playground, ready to run.</p>
      <label className="share-with-trace">
        <input type="checkbox" checked={withTrace} disabled={!lastRun} onChange={(ev) => setWithTrace(ev.target.checked)} />
        {lastRun ? `With the trace of the last run (${lastRun.events.length} events): it opens replayable` : "With a trace (run the program first)"}
      </label>
      {(state.kind === "busy" || traceState?.kind === "busy") && <p role="status">Saving…</p>}
      {traceState?.kind === "failed" && (
        <p className="error-text" role="alert">
          {traceState.message} The link below shares the code only.
        </p>
      )}
      {state.kind === "failed" && (
        <p className="error-text" role="alert">
          {state.message}
        </p>
      )}
      {shown.kind === "done" && (
        <div className="share-link">
          <input ref={linkRef} aria-label="Share link" readOnly value={shown.url} onFocus={(ev) => ev.currentTarget.select()} />
          <button type="button" onClick={() => void copy(shown.url)}>
            {copied ? "Copied" : "Copy link"}
          </button>
        </div>
      )}
    </div>
  );
}
