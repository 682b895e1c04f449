import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { splitLocations, type CodeLocation } from "../run-client/locations.js";
import type { ConsoleLine } from "../run-client/runState.js";

/** Within this many pixels of the end counts as "at the end": the console keeps following from there. */
const AT_END_PX = 24;

interface Props {
  lines: ConsoleLine[];
  /** The program's file names: locations in them (main.ts:9:8) become links. */
  files: string[];
  onOpenLocation: (location: CodeLocation) => void;
}

/**
 * Program output and the workbench's verdicts, newest at the bottom. It follows the end unless the reader has
 * scrolled up; it says how many early lines the buffer dropped, and keeps the run's closing verdict in sight.
 */
export function ConsolePane({ lines, files, onOpenLocation }: Props) {
  const logRef = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  /** Only the reader's own scrolling (wheel, keys, touch, the scrollbar) may stop the following, not a trim. */
  const readerScrolled = useRef(false);
  // Line ids count from 0 in each run, so the first kept line's id is how many were dropped before it.
  const dropped = lines[0]?.id ?? 0;
  const last = lines.at(-1);
  const verdict = last?.stream === "system" ? last : null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: new lines are what the log follows: each change of them scrolls to the end
  useLayoutEffect(() => {
    const el = logRef.current;
    if (el && following) el.scrollTop = el.scrollHeight;
  }, [lines, following]);

  useEffect(() => {
    if (lines.length === 0) setFollowing(true);
  }, [lines.length]);

  const jumpToEnd = () => {
    setFollowing(true);
    logRef.current?.focus();
  };
  const intent = () => {
    readerScrolled.current = true;
  };

  return (
    <section className="pane console-pane" aria-labelledby="console-heading">
      <div className="pane-header">
        <h2 id="console-heading">Console</h2>
        {dropped > 0 && (
          <span className="console-dropped" data-dropped={dropped} title="The console keeps the newest lines of a run">
            {dropped.toLocaleString("en")} earlier {dropped === 1 ? "line" : "lines"} dropped
          </span>
        )}
      </div>
      <div
        className="console-log"
        role="log"
        aria-label="Console output"
        ref={logRef}
        tabIndex={0}
        data-following={following}
        onWheel={intent}
        onTouchMove={intent}
        onPointerDown={intent}
        onKeyDown={intent}
        onScroll={(ev) => {
          const el = ev.currentTarget;
          const atEnd = el.scrollHeight - el.scrollTop - el.clientHeight < AT_END_PX;
          if (atEnd) setFollowing(true);
          else if (readerScrolled.current) setFollowing(false);
          readerScrolled.current = false;
        }}
      >
        {lines.length === 0 && <p className="console-empty">Output appears here. Run with the Run button or Ctrl+Enter.</p>}
        {lines.map((line) => (
          <div key={line.id} className={`console-line ${line.stream}`} data-stream={line.stream}>
            {line.stream === "stderr" || line.stream === "error" || line.stream === "warning" || line.stream === "info" ? (
              <span className="stream-tag">{line.stream}</span>
            ) : null}
            {splitLocations(line.text, files).map((part, i) =>
              part.location ? (
                <button key={i} type="button" className="code-link" onClick={() => onOpenLocation(part.location as CodeLocation)}>
                  {part.text}
                </button>
              ) : (
                part.text
              ),
            )}
          </div>
        ))}
      </div>
      {!following && (
        <div className="console-foot">
          {verdict ? (
            <span className="console-verdict" data-console-verdict>
              {verdict.text}
            </span>
          ) : (
            <span>Scrolled up: new output is below.</span>
          )}
          <button type="button" className="quiet" onClick={jumpToEnd}>
            Jump to the end
          </button>
        </div>
      )}
    </section>
  );
}
