import { placeOf } from "./model/places.js";
import type { GraphState } from "./model/types.js";

/** What the picture says, for screen readers: every socket and every connection (the SVG's nodes are buttons, its edges are not). */
export function GraphTextAlternative({ graph }: { graph: GraphState }) {
  const kindOf = (id: string | null) => graph.nodes.find((n) => n.id === id)?.kind ?? "socket";
  return (
    <div className="visually-hidden">
      <h3>Sockets</h3>
      {graph.nodes.length === 0 ? (
        <p>No sockets yet.</p>
      ) : (
        <ul>
          {graph.nodes.map((n) => (
            <li key={n.id}>
              {n.label} ({n.id}, {placeOf(n).label}){n.closed ? ", closed" : ""}: {n.sent} sent, {n.received} received
              {n.binds.length > 0 && `; bound to ${n.binds.join(", ")}`}
              {n.connects.length > 0 && `; connected to ${n.connects.join(", ")}`}
              {n.diagnostics.length > 0 && `; warnings: ${n.diagnostics.join(" ")}`}
            </li>
          ))}
        </ul>
      )}
      {graph.devices.length > 0 && (
        <>
          <h3>Devices</h3>
          <ul>
            {graph.devices.map((d) => (
              <li key={d.id}>
                {d.label} ({d.id}): sockets {d.sockets.join(", ")}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Connections</h3>
      {graph.edges.length === 0 ? (
        <p>No connections yet.</p>
      ) : (
        <ul>
          {graph.edges.map((e) => (
            <li key={e.id}>
              {e.target === null
                ? `${kindOf(e.source)} ${e.source} connects to ${e.endpoint}, where nothing is bound yet`
                : `${kindOf(e.source)} ${e.source} to ${kindOf(e.target)} ${e.target} over ${e.endpoint}: ${e.forward} messages there, ${e.backward} back`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
