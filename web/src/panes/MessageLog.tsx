import { Fragment, useCallback, useRef, useState } from "react";
import { socketName, type GraphState } from "../graph/model/types.js";
import { useThrottled } from "../ui/useThrottled.js";
import { MessageRow } from "./MessageRow.js";

const SHOWN = 200;
/** A busy run adds rows faster than anyone reads them; redrawing the list a few times a second keeps the page fluid. */
const LOG_REDRAW_MS = 250;

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
  // One callback for the page's life, so that rows already shown are not drawn again when the page re-renders.
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const select = useCallback((index: number) => onSelectRef.current(index), []);
  const labels = new Map(graph.nodes.map((n) => [n.id, socketName(n)]));
  const messages = useThrottled(graph.messages, LOG_REDRAW_MS);
  const narrowed = onlySocket && socket ? messages.filter((m) => m.socket === socket) : messages;
  const shown = narrowed.slice(-SHOWN).reverse();
  return (
    <section className="pane message-pane" aria-labelledby="messages-heading">
      <div className="pane-header">
        <h2 id="messages-heading">Messages</h2>
        <span className="log-tools">
          {socket && (
            <label className="only-socket" title={`Show only the messages of ${labels.get(socket) ?? socket}`}>
              <input type="checkbox" checked={onlySocket} onChange={(ev) => setOnlySocket(ev.target.checked)} />
              <span className="only-name">only {labels.get(socket) ?? socket}</span>
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
              <MessageRow
                message={m}
                who={labels.get(m.socket) ?? m.socket}
                peer={m.peer ? (labels.get(m.peer) ?? m.peer) : undefined}
                selected={m.index === selected}
                onSelect={select}
              />
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
