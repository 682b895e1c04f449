import { socketName, type GraphState, type MessageRecord } from "../graph/model/types.js";
import type { CodeLocation } from "../run-client/locations.js";
import { FrameView } from "./FrameView.js";
import { SocketDetails } from "./SocketDetails.js";
import { socketChoices } from "./socketChoices.js";

interface Props {
  graph: GraphState;
  selectedSocket: string | null;
  selectedMessage: number | null;
  onSelectSocket: (id: string | null) => void;
  files: string[];
  onOpenLocation: (location: CodeLocation) => void;
  onSelectMessage?: (index: number) => void;
}

/** Details of what is selected: a socket (endpoints, counters, recent messages) or one message's frames. */
export function InspectorPane({ graph, selectedSocket, selectedMessage, onSelectSocket, files, onOpenLocation, onSelectMessage }: Props) {
  const message = selectedMessage === null ? undefined : graph.messages.find((m) => m.index === selectedMessage);
  const socket = graph.nodes.find((n) => n.id === selectedSocket);
  return (
    <section className="pane inspector-pane" aria-labelledby="inspector-heading">
      <div className="pane-header">
        <h2 id="inspector-heading">Inspector</h2>
        <label className="socket-picker">
          <span className="visually-hidden">Inspect socket</span>
          <select value={selectedSocket ?? ""} onChange={(ev) => onSelectSocket(ev.target.value || null)} disabled={graph.nodes.length === 0}>
            <option value="">{graph.nodes.length ? "Choose a socket…" : "No sockets yet"}</option>
            {socketChoices(graph.nodes).map((c) => (
              <option key={c.id} value={c.id}>
                {c.text}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="inspector-body" tabIndex={0} role="group" aria-label="Inspector details">
        {message ? (
          <MessageDetails message={message} graph={graph} onSelectSocket={onSelectSocket} />
        ) : socket ? (
          <SocketDetails socket={socket} graph={graph} files={files} onOpenLocation={onOpenLocation} onSelectMessage={onSelectMessage} />
        ) : (
          <p className="hint">Click a socket in the graph or a message in the log to see its details.</p>
        )}
      </div>
    </section>
  );
}

function MessageDetails({ message, graph, onSelectSocket }: { message: MessageRecord; graph: GraphState; onSelectSocket: (id: string) => void }) {
  const socket = graph.nodes.find((n) => n.id === message.socket);
  const edge = graph.edges.find((e) => e.id === message.edgeId);
  const peerId = edge ? (edge.source === message.socket ? edge.target : edge.source) : null;
  const peer = graph.nodes.find((n) => n.id === peerId);
  return (
    <div className="message-details">
      <h3>
        {message.op === "send" ? "Sent by" : "Received by"}{" "}
        <button type="button" className="code-link" title="Show this socket" onClick={() => onSelectSocket(message.socket)}>
          {socket ? socketName(socket) : message.socket}
        </button>
      </h3>
      <p className="meta">
        at {message.t.toFixed(1)} ms · {message.frames.length} frame{message.frames.length === 1 ? "" : "s"}
        {edge && peer ? ` · ${message.op === "send" ? "to" : "from"} ${socketName(peer)} over ${edge.endpoint}` : ""}
      </p>
      <ol className="frames">
        {message.frames.map((f, i) => (
          <li key={i}>
            <FrameView frame={f} />
          </li>
        ))}
      </ol>
    </div>
  );
}
