import { useState } from "react";
import type { Frame } from "../../../protocol/trace.js";
import { frameViews } from "./frames.js";

type View = "utf8" | "hex" | "json";

/** One frame, switchable between UTF-8, hex and (when it parses) JSON. */
export function FrameView({ frame }: { frame: Frame }) {
  const views = frameViews(frame);
  const available: View[] = [...(views.utf8 !== null ? ["utf8" as const] : []), ...(views.hex ? ["hex" as const] : []), ...(views.json ? ["json" as const] : [])];
  const [chosen, setChosen] = useState<View>(available[0] ?? "utf8");
  const view = available.includes(chosen) ? chosen : available[0];
  const text = view === "hex" ? views.hex : view === "json" ? views.json : views.utf8 ?? frame.preview;
  return (
    <div className="frame">
      <div className="frame-head">
        <span>{views.size} bytes{views.envelope ? ` · ${views.envelope === "identity" ? "routing id" : "empty delimiter"}` : ""}{views.complete ? "" : " · first bytes only"}</span>
        <span className="frame-views" role="group" aria-label="Show frame as">
          {available.map((v) => (
            <button key={v} type="button" className={v === view ? "chip active" : "chip"} aria-pressed={v === view} onClick={() => setChosen(v)}>
              {v === "utf8" ? "UTF-8" : v.toUpperCase()}
            </button>
          ))}
        </span>
      </div>
      <pre className="frame-body">{text === "" ? "(empty frame)" : text}</pre>
    </div>
  );
}
