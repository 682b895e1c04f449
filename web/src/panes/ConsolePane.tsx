import { useEffect, useRef } from "react";
import { splitLocations, type CodeLocation } from "../run/locations.js";
import type { ConsoleLine } from "../run/runState.js";

/** Program output and the workbench's verdicts, newest at the bottom, following the output while scrolled down. */
interface Props {
  lines: ConsoleLine[];
  /** The program's file names: locations in them (main.ts:9:8) become links. */
  files: string[];
  onOpenLocation: (location: CodeLocation) => void;
}

export function ConsolePane({ lines, files, onOpenLocation }: Props) {
  const logRef = useRef<HTMLDivElement>(null);
  const stickRef = useRef(true);

  useEffect(() => {
    const el = logRef.current;
    if (el && stickRef.current) el.scrollTop = el.scrollHeight;
  }, [lines]);

  return (
    <section className="pane console-pane" aria-labelledby="console-heading">
      <div className="pane-header">
        <h2 id="console-heading">Console</h2>
      </div>
      <div
        className="console-log" role="log" aria-label="Console output" ref={logRef} tabIndex={0}
        onScroll={(ev) => {
          const el = ev.currentTarget;
          stickRef.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        {lines.length === 0 && <p className="console-empty">Output appears here. Run with the Run button or Ctrl+Enter.</p>}
        {lines.map((line) => (
          <div key={line.id} className={`console-line ${line.stream}`} data-stream={line.stream}>
            {line.stream === "stderr" || line.stream === "error" || line.stream === "warning" || line.stream === "info"
              ? <span className="stream-tag">{line.stream}</span> : null}
            {splitLocations(line.text, files).map((part, i) => part.location
              ? <button key={i} type="button" className="code-link" onClick={() => onOpenLocation(part.location as CodeLocation)}>{part.text}</button>
              : part.text)}
          </div>
        ))}
      </div>
    </section>
  );
}
