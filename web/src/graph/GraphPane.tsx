import { useEffect, useRef, useState } from "react";
import { FollowPanel } from "./FollowPanel.js";
import { followMessage, type Hop } from "./follow.js";
import { GraphView } from "./GraphView.js";
import { GraphTextAlternative } from "./GraphTextAlternative.js";
import { Legend } from "./Legend.js";
import "./graph-extras.css";
import type { Direction, GraphState } from "./model/types.js";

/** Messages of one batch leave this far apart, and all of them within the spread. */
const PULSE_SPACING_MS = 180;
const PULSE_SPREAD_MS = 2000;

interface Props {
  graph: GraphState;
  selected: string | null;
  onSelect: (socketId: string | null) => void;
  /** The message chosen in the log (or by clicking a particle): its whole path is lit. */
  followed?: number | null;
  onSelectMessage?: (index: number | null) => void;
  /** Playback speed of the timeline: below 1, particles slow down with it. */
  speed?: number;
  /** Changes whenever the view should fit the graph (presenter mode's F key, entering or leaving the mode). */
  fitSignal?: number;
}

/** The thin React side of the graph: GraphView owns the SVG and the layout. */
export function GraphPane({ graph, selected, onSelect, followed = null, onSelectMessage, speed = 1, fitSignal = 0 }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<GraphView | null>(null);
  const pulsedRef = useRef(0);
  const lastStartRef = useRef(0);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const onMessageRef = useRef(onSelectMessage);
  onMessageRef.current = onSelectMessage;
  /** Spaces the next dots; a change of speed alone sends none. */
  const speedRef = useRef(speed);
  speedRef.current = speed;
  const [collapsed, setCollapsed] = useState(0);
  const [hops, setHops] = useState<Hop[]>([]);

  useEffect(() => {
    const view = new GraphView(hostRef.current as HTMLDivElement, {
      onSelect: (id) => onSelectRef.current(id),
      onPickMessage: (index) => onMessageRef.current?.(index),
      onCollapsed: setCollapsed,
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, []);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    view.update(graph);
    // A new run starts from zero; a jump back in the timeline must not replay every message still in the log.
    if (graph.messageCount < pulsedRef.current) pulsedRef.current = graph.messageCount === 0 ? 0 : graph.messageCount;
    // One dot per message: at its receive (a send names its edge too, when the server knows the peer).
    const fresh = graph.messages.filter((m) => m.index >= pulsedRef.current && m.op === "recv" && m.edgeId && m.direction);
    const slow = 1 / Math.min(speedRef.current, 1);
    const spacing = Math.min(PULSE_SPACING_MS * slow, (PULSE_SPREAD_MS * slow) / Math.max(fresh.length, 1));
    // Particles leave in message order: a batch waits for the previous batch's last particle, unless far behind.
    const now = performance.now();
    const after = lastStartRef.current + spacing - now;
    const first = after > 0 && after < PULSE_SPREAD_MS * slow ? after : 0;
    fresh.forEach((m, i) => view.pulse(m.edgeId as string, m.direction as Direction, first + i * spacing, m.index));
    if (fresh.length) lastStartRef.current = now + first + (fresh.length - 1) * spacing;
    pulsedRef.current = graph.messageCount;
  }, [graph]);

  // The path grows while its replies arrive; moving back in the timeline keeps the whole path lit.
  useEffect(() => {
    if (followed === null) {
      // The same empty path, not a new one: a new one would move every node and edge again with each batch.
      setHops((before) => (before.length === 0 ? before : []));
      return;
    }
    const found = followMessage(graph, followed);
    setHops((before) => (found.length >= before.length || before[0]?.message !== found[0]?.message ? found : before));
  }, [followed, graph]);
  useEffect(() => viewRef.current?.follow(hops), [hops]);

  useEffect(() => viewRef.current?.select(selected), [selected]);
  useEffect(() => viewRef.current?.setSpeed(speed), [speed]);
  useEffect(() => {
    if (fitSignal === 0) return;
    // After the layout change that came with the signal has been applied: new type sizes need a new layout.
    const timer = setTimeout(() => viewRef.current?.relayout(), 60);
    return () => clearTimeout(timer);
  }, [fitSignal]);

  return (
    <section className="pane graph-pane" aria-labelledby="graph-heading">
      <div className="pane-header">
        <h2 id="graph-heading">Sockets</h2>
        {collapsed > 0 && (
          <span className="collapsed-note" data-collapsed={collapsed} title="Closed sockets that a restart replaced">
            {collapsed} closed hidden
          </span>
        )}
        <button type="button" className="quiet" onClick={() => viewRef.current?.fit()}>
          Fit to view
        </button>
      </div>
      <div className="graph-host" ref={hostRef}>
        {graph.nodes.length === 0 && <p className="graph-empty">Run the program to see its sockets here.</p>}
      </div>
      {/* Docked below the drawing, never over it: the graph fits the room left above the path. */}
      <FollowPanel hops={hops} graph={graph} onClose={() => onMessageRef.current?.(null)} />
      <Legend />
      <GraphTextAlternative graph={graph} />
    </section>
  );
}
