import { useState } from "react";
import type { ProgramFiles } from "../../../protocol/files.js";
import { absoluteShareUrl, createShare } from "../share/shareApi.js";

type ShareState = { kind: "idle" } | { kind: "busy" } | { kind: "done"; url: string; copied: boolean } | { kind: "failed"; message: string };

/** Saves the files on the server and shows the link, copied to the clipboard when the browser allows. */
export function ShareButton({ files, entry }: { files: ProgramFiles; entry: string }) {
  const [state, setState] = useState<ShareState>({ kind: "idle" });

  async function share() {
    setState({ kind: "busy" });
    try {
      const created = await createShare(files, entry);
      const url = absoluteShareUrl(created.url, window.location.origin);
      const copied = await navigator.clipboard?.writeText(url).then(() => true, () => false) ?? false;
      setState({ kind: "done", url, copied });
    } catch (err) {
      setState({ kind: "failed", message: err instanceof Error ? err.message : String(err) });
    }
  }

  return (
    <div className="share">
      <button type="button" onClick={share} disabled={state.kind === "busy"}>Share</button>
      {state.kind === "done" && (
        <span className="share-result" role="status">
          <input aria-label="Share link" readOnly value={state.url} onFocus={(ev) => ev.currentTarget.select()} size={28} />
          {state.copied ? " Copied." : ""}
          <button type="button" className="quiet" aria-label="Close share link" onClick={() => setState({ kind: "idle" })}>×</button>
        </span>
      )}
      {state.kind === "failed" && <span className="share-error" role="alert">{state.message}</span>}
    </div>
  );
}
