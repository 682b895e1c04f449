import { useEffect, useState } from "react";
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
  const [active, setActive] = useState(entry ?? names[0]);
  useEffect(() => {
    setActive(entry && entry in files ? entry : Object.keys(files)[0]);
  }, [revision]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (reveal && reveal.file in files) setActive(reveal.file);
  }, [reveal]); // eslint-disable-line react-hooks/exhaustive-deps
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
