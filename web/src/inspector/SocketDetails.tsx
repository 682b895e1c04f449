import type { GraphState, SocketNode } from "../graph/model/types.js";
import { placeOf } from "../graph/model/places.js";
import { siteOf } from "../graph/viewModel.js";
import { nameOf } from "../graph/viewNodes.js";
import { firstLocation, type CodeLocation } from "../run-client/locations.js";

interface Props {
  socket: SocketNode;
  graph: GraphState;
  files: string[];
  onOpenLocation: (location: CodeLocation) => void;
  onSelectMessage?: (index: number) => void;
}

function formatOption(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A socket's endpoints, peers, counters and its latest messages. */
export function SocketDetails({ socket, graph, files, onOpenLocation, onSelectMessage }: Props) {
  const created = firstLocation(socket.label, files);
  const name = nameOf(socket);
  const peers = graph.edges.filter((e) => e.source === socket.id || e.target === socket.id);
  const recent = graph.messages
    .filter((m) => m.socket === socket.id)
    .slice(-8)
    .reverse();
  const options = Object.entries(socket.options);
  return (
    <div className="socket-details">
      <h3>
        <span className="kind-tag" data-kind-tag={socket.kind}>
          {socket.kind}
        </span>{" "}
        {name && (
          <>
            <span className="socket-name">{name}</span>
            {" · "}
          </>
        )}
        {created ? (
          <button type="button" className="code-link" title="Show where it is created" onClick={() => onOpenLocation(created)}>
            {siteOf(socket)}
          </button>
        ) : (
          siteOf(socket)
        )}
      </h3>
      <dl>
        <dt>Id</dt>
        <dd>
          {socket.id}
          {` · ${placeOf(socket).label}`}
        </dd>
        <dt>State</dt>
        <dd>{socket.closed ? "closed" : "open"}</dd>
        <dt>Bound to</dt>
        <dd>{socket.binds.join(", ") || "—"}</dd>
        <dt>Connected to</dt>
        <dd>{socket.connects.join(", ") || "—"}</dd>
        <dt>Messages</dt>
        <dd>
          {socket.sent} sent · {socket.received} received
          {socket.rate && !socket.closed ? ` · ${Math.round(socket.rate.sent)}/s out, ${Math.round(socket.rate.received)}/s in` : ""}
        </dd>
        <dt>Options</dt>
        <dd>
          {options.length === 0 ? (
            "defaults"
          ) : (
            <ul className="options">
              {options.map(([name, value]) => (
                <li key={name}>
                  {name} = {formatOption(value)}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Peers</dt>
        <dd>
          {peers.length === 0
            ? "—"
            : peers.map((e) => {
                const other = e.source === socket.id ? e.target : e.source;
                return (
                  <div key={e.id}>
                    {other ?? "nothing bound yet"} via {e.endpoint}
                  </div>
                );
              })}
        </dd>
        {socket.diagnostics.length > 0 && (
          <>
            <dt>Warnings</dt>
            <dd className="warning-text">
              {socket.diagnostics.map((d, i) => (
                <div key={i}>{d}</div>
              ))}
            </dd>
          </>
        )}
        {socket.lastError && (
          <>
            <dt>Last error</dt>
            <dd className="error-text">{socket.lastError}</dd>
          </>
        )}
      </dl>
      {recent.length > 0 && (
        <>
          <h4>Latest messages</h4>
          <ul className="recent">
            {recent.map((m) => (
              <li key={m.index}>
                <button type="button" className="recent-link" onClick={() => onSelectMessage?.(m.index)}>
                  {m.op === "send" ? "sent" : "received"} {m.frames.map((f) => f.preview).join(" | ")}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
