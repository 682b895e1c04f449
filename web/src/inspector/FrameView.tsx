import "./inspector.css";
import { useState } from "react";
import type { Frame } from "../../../protocol/trace.js";
import { frameViews } from "./frames.js";
import { NumbersView } from "./NumbersView.js";
import { NUMERIC, numericTypesFor, type NumericType } from "./typedArrays.js";

type View = "utf8" | "hex" | "json" | NumericType;

const TEXT_LABELS: Record<string, string> = { utf8: "UTF-8", hex: "Hex", json: "JSON" };
const ENVELOPE_WORDS = { identity: "routing id", delimiter: "empty delimiter" } as const;

/** One frame, switchable between UTF-8, hex, JSON (when it parses) and typed arrays (when the size fits). */
export function FrameView({ frame }: { frame: Frame }) {
  const views = frameViews(frame);
  const numeric = views.bytes.length > 0 && !frame.envelope ? numericTypesFor(frame.size) : [];
  const available: View[] = [
    ...(views.utf8 !== null ? ["utf8" as const] : []),
    ...(views.hex ? ["hex" as const] : []),
    ...(views.json ? ["json" as const] : []),
    ...numeric,
  ];
  const [chosen, setChosen] = useState<View>(available[0] ?? "utf8");
  const view = available.includes(chosen) ? chosen : available[0];
  const text = view === "hex" ? views.hex : view === "json" ? views.json : (views.utf8 ?? frame.preview);
  return (
    <div className={frame.envelope ? "frame envelope" : "frame"} data-envelope={frame.envelope}>
      <div className="frame-head">
        <span>
          {frame.envelope && <span className="envelope-tag">{ENVELOPE_WORDS[frame.envelope]}</span>}
          {views.size} bytes{views.complete ? "" : ` · only the first ${views.bytes.length} bytes recorded`}
        </span>
        <span className="frame-views" role="group" aria-label="Show frame as">
          {available.map((v) => (
            <button key={v} type="button" className={v === view ? "chip active" : "chip"} aria-pressed={v === view} onClick={() => setChosen(v)}>
              {v in NUMERIC ? NUMERIC[v as NumericType].label : TEXT_LABELS[v]}
            </button>
          ))}
        </span>
      </div>
      {view && view in NUMERIC ? (
        <NumbersView bytes={views.bytes} size={frame.size} type={view as NumericType} />
      ) : (
        <pre className="frame-body" data-frame-view={view}>
          {text === "" ? "(empty frame)" : text}
        </pre>
      )}
    </div>
  );
}
