import { Fragment, useState } from "react";
import { socketName, type GraphState } from "../graph/model/types.js";

const SHOWN = 200;

/** The latest messages, newest first; choosing one shows its frames in the inspector and lights its path in the graph. */
interface Props {
  graph: GraphState;
  selected: number | null;
  onSelect: (index: number) => void;
  /** The socket chosen in the graph or inspector; the log can narrow to its messages. */
  socket: string | null;
}

export function MessageLog({ graph, selected, onSelect, socket }: Props) {
  const [onlySocket, setOnlySocket] = useState(false);
  const labels = new Map(graph.nodes.map((n) => [n.id, socketName(n)]));
  const narrowed = onlySocket && socket ? graph.messages.filter((m) => m.socket === socket) : graph.messages;
  const shown = narrowed.slice(-SHOWN).reverse();
  return (
    <section className="pane message-pane" aria-labelledby="messages-heading">
      <div className="pane-header">
        <h2 id="messages-heading">Messages</h2>
        <span className="log-tools">
          {socket && (
            <label className="only-socket">
              <input type="checkbox" checked={onlySocket} onChange={(ev) => setOnlySocket(ev.target.checked)} />
              only {labels.get(socket) ?? socket}
            </label>
          )}
          <span className="count" title="Messages in this run">
            {graph.messageCount}
          </span>
        </span>
      </div>
      {shown.length === 0 ? (
        <p className="hint">Messages sent and received appear here.</p>
      ) : (
        <ol className="message-log">
          {shown.map((m, i) => (
            <Fragment key={m.index}>
              {graph.sampling && m.index < graph.sampling.afterMessage && (i === 0 || shown[i - 1].index >= graph.sampling.afterMessage) && (
                <li className="log-note" data-trace-note="sampling-started">
                  {graph.sampling.message}
                </li>
              )}
              <li>
                {/* The row's text is drawn from data-text (CSS), so its name is the sentence alone: axe's
                    label-content-name-mismatch compares a label with the element's own text nodes. */}
                <button
                  type="button"
                  className={m.index === selected ? "message-row selected" : "message-row"}
                  onClick={() => onSelect(m.index)}
                  aria-label={`${labels.get(m.socket) ?? m.socket} ${m.op === "send" ? "sent" : "received"}${m.peer ? ` ${m.op === "send" ? "to" : "from"} ${labels.get(m.peer) ?? m.peer}` : ""} ${m.frames.map((f) => f.preview).join(", ")}`}
                >
                  <span className="t" data-text={`${m.t < 1000 ? m.t.toFixed(1) : m.t.toFixed(0)} ms`} />
                  <span className={`op ${m.op}`} aria-hidden="true" data-text={m.op === "send" ? "→" : "←"} />
                  <span
                    className="who"
                    data-text={`${labels.get(m.socket) ?? m.socket}${m.peer ? ` ${m.op === "send" ? "→" : "←"} ${labels.get(m.peer) ?? m.peer}` : ""}`}
                  />
                  <span className="preview" data-text={m.frames.map((f) => f.preview).join(" | ")} />
                </button>
              </li>
            </Fragment>
          ))}
          {graph.sampling && shown.length > 0 && shown.at(-1)!.index >= graph.sampling.afterMessage && (
            <li className="log-note" data-trace-note="sampling-started">
              {graph.sampling.message}
            </li>
          )}
        </ol>
      )}
    </section>
  );
}
