import { useEffect, useRef, useState } from "react";
import type { ProgramFiles } from "../../../protocol/files.js";
import { ToolbarDialog } from "../ui/ToolbarDialog.js";
import { absoluteShareUrl, createShare } from "./shareApi.js";

type ShareState = { kind: "busy" } | { kind: "done"; url: string } | { kind: "failed"; message: string };

interface Props {
  files: ProgramFiles;
  entry: string;
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
function ShareForm({ files, entry }: Props) {
  const [state, setState] = useState<ShareState>({ kind: "busy" });
  const [copied, setCopied] = useState(false);
  const linkRef = useRef<HTMLInputElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: one share per opening, of the files as they were when it opened
  useEffect(() => {
    let current = true;
    createShare(files, entry).then(
      (created) => current && setState({ kind: "done", url: absoluteShareUrl(created.url, window.location.origin) }),
      (err: unknown) => current && setState({ kind: "failed", message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    if (state.kind === "done") linkRef.current?.select();
    if (state.kind === "done") linkRef.current?.focus();
  }, [state.kind]);

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
      {state.kind === "busy" && <p role="status">Saving the files…</p>}
      {state.kind === "failed" && (
        <p className="error-text" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === "done" && (
        <div className="share-link">
          <input ref={linkRef} aria-label="Share link" readOnly value={state.url} onFocus={(ev) => ev.currentTarget.select()} />
          <button type="button" onClick={() => void copy(state.url)}>
            {copied ? "Copied" : "Copy link"}
          </button>
        </div>
      )}
    </div>
  );
}
