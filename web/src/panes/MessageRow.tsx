import { memo } from "react";
import type { MessageRecord } from "../graph/model/types.js";

interface Props {
  message: MessageRecord;
  /** The names of the socket and of the one at the other end, if known. */
  who: string;
  peer: string | undefined;
  selected: boolean;
  onSelect: (index: number) => void;
}

/**
 * One row of the message log. Memoised: a busy run adds rows many times a second, and a row already shown only
 * changes when it is selected or a socket gets its name.
 */
export const MessageRow = memo(function MessageRow({ message: m, who, peer, selected, onSelect }: Props) {
  const arrow = m.op === "send" ? "→" : "←";
  return (
    <li>
      {/* The row's text is drawn from data-text (CSS), so its name is the sentence alone: axe's
          label-content-name-mismatch compares a label with the element's own text nodes. */}
      <button
        type="button"
        className={selected ? "message-row selected" : "message-row"}
        onClick={() => onSelect(m.index)}
        aria-label={`${who} ${m.op === "send" ? "sent" : "received"}${peer ? ` ${m.op === "send" ? "to" : "from"} ${peer}` : ""} ${m.frames.map((f) => f.preview).join(", ")}`}
      >
        <span className="t" data-text={`${m.t < 1000 ? m.t.toFixed(1) : m.t.toFixed(0)} ms`} />
        <span className={`op ${m.op}`} aria-hidden="true" data-text={arrow} />
        <span className="who" data-text={`${who}${peer ? ` ${arrow} ${peer}` : ""}`} />
        <span className="preview" data-text={m.frames.map((f) => f.preview).join(" | ")} />
      </button>
    </li>
  );
});
