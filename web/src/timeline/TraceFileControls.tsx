import { useRef, useState } from "react";
import { parseTraceFile, traceFileName } from "./traceFile.js";
import { useTimeline } from "./useTimeline.js";

/** Trace files larger than this are refused before reading; the recording limit keeps exports well below it. */
const MAX_TRACE_FILE_BYTES = 200 * 1024 * 1024;

/** Exports the run's trace as JSON, and opens one to view without running anything (its code goes to the editor). */
export function TraceFileControls() {
  const timeline = useTimeline();
  const inputRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);

  function exportTrace() {
    const file = timeline.exportTrace();
    const url = URL.createObjectURL(new Blob([JSON.stringify(file)], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = traceFileName(file);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async function open(file: File | undefined) {
    if (!file) return;
    setError(null);
    if (file.size > MAX_TRACE_FILE_BYTES) return setError(`${file.name} is too large to be a trace (${Math.round(file.size / 1048576)} MB).`);
    const parsed = parseTraceFile(await file.text());
    if (!parsed.ok) return setError(`Could not open ${file.name}: ${parsed.error}`);
    timeline.openTrace(parsed.trace, file.name);
  }

  return (
    <span className="trace-file">
      {timeline.openedFile ? (
        <span className="trace-opened" data-trace-file={timeline.openedFile}>
          Viewing {timeline.openedFile}
          <button type="button" className="quiet" onClick={timeline.closeTrace}>
            Close trace
          </button>
        </span>
      ) : null}
      <button type="button" className="quiet" onClick={exportTrace} disabled={timeline.total === 0}>
        Export trace
      </button>
      <button type="button" className="quiet" onClick={() => inputRef.current?.click()}>
        Open trace…
      </button>
      <input
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        aria-label="Trace file to open"
        tabIndex={-1}
        onChange={(ev) => {
          void open(ev.target.files?.[0]);
          ev.target.value = "";
        }}
      />
      {error && (
        <span className="trace-error" role="alert">
          {error}{" "}
          <button type="button" className="quiet" onClick={() => setError(null)}>
            Dismiss
          </button>
        </span>
      )}
    </span>
  );
}
