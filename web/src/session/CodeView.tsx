import { useState } from "react";
import type { ProgramFiles } from "../../../protocol/files.js";
import { MonacoHost, type RevealRequest } from "../editor/MonacoHost.js";

interface Props {
  files: ProgramFiles;
  entry: string | null;
  revision: number;
  dark: boolean;
  reveal: RevealRequest | null;
}

const noop = () => {};

/** The presenter's program, read-only, one tab per file; opens on the entry file of each new run. */
export function CodeView({ files, entry, revision, dark, reveal }: Props) {
  const names = Object.keys(files);
  const [active, setActive] = useState(entry && entry in files ? entry : names[0]);
  // New files (a new run) open on their entry; a reveal opens its file. Adjusted while rendering, as React advises.
  const [seen, setSeen] = useState({ revision, reveal });
  if (seen.revision !== revision || seen.reveal !== reveal) {
    setSeen({ revision, reveal });
    if (seen.reveal !== reveal && reveal && reveal.file in files) setActive(reveal.file);
    else if (seen.revision !== revision) setActive(entry && entry in files ? entry : names[0]);
  }
  const shown = active in files ? active : names[0];

  return (
    <section className="pane editor-pane" aria-label="Presenter's code">
      <div className="file-tabs">
        <div role="tablist" aria-label="Files">
          {names.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={name === shown}
              className={name === shown ? "tab active" : "tab"}
              onClick={() => setActive(name)}
            >
              {name}
            </button>
          ))}
        </div>
        <span className="read-only-tag">read-only</span>
      </div>
      <MonacoHost files={files} revision={revision} active={shown} dark={dark} onChange={noop} onRun={noop} reveal={reveal} problems={[]} readOnly />
    </section>
  );
}
