import { useEffect, useRef } from "react";
import { GraphView } from "./GraphView.js";
import { GraphTextAlternative } from "./GraphTextAlternative.js";
import { Legend } from "./Legend.js";
import type { Direction, GraphState } from "./types.js";

/** Messages of one batch leave this far apart, and all of them within the spread. */
const PULSE_SPACING_MS = 180;
const PULSE_SPREAD_MS = 2000;

interface Props {
  graph: GraphState;
  selected: string | null;
  onSelect: (socketId: string | null) => void;
}

/** The thin React side of the graph: GraphView owns the simulation and the SVG. */
export function GraphPane({ graph, selected, onSelect }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<GraphView | null>(null);
  const pulsedRef = useRef(0);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    const view = new GraphView(hostRef.current as HTMLDivElement, { onSelect: (id) => onSelectRef.current(id) });
    viewRef.current = view;
    return () => { view.destroy(); viewRef.current = null; };
  }, []);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    view.update(graph);
    if (graph.messageCount < pulsedRef.current) pulsedRef.current = 0;
    const fresh = graph.messages.filter((m) => m.index >= pulsedRef.current && m.edgeId && m.direction);
    const spacing = Math.min(PULSE_SPACING_MS, PULSE_SPREAD_MS / Math.max(fresh.length, 1));
    fresh.forEach((m, i) => view.pulse(m.edgeId as string, m.direction as Direction, i * spacing));
    pulsedRef.current = graph.messageCount;
  }, [graph]);

  useEffect(() => viewRef.current?.select(selected), [selected]);

  return (
    <section className="pane graph-pane" aria-labelledby="graph-heading">
      <div className="pane-header">
        <h2 id="graph-heading">Sockets</h2>
        <button type="button" className="quiet" onClick={() => viewRef.current?.fit()}>Fit to view</button>
      </div>
      <div className="graph-host" ref={hostRef}>
        {graph.nodes.length === 0 && <p className="graph-empty">Run the program to see its sockets here.</p>}
      </div>
      <Legend />
      <GraphTextAlternative graph={graph} />
    </section>
  );
}
