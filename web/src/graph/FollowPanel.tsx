import { useContext } from "react";
import { TimelineContext } from "../timeline/useTimeline.js";
import type { Hop } from "./follow.js";
import type { GraphState } from "./model/types.js";
import { nameOf } from "./viewNodes.js";

interface Props {
  hops: Hop[];
  graph: GraphState;
  onClose: () => void;
}

function ms(t: number): string {
  return t < 1000 ? `${t.toFixed(1)} ms` : `${(t / 1000).toFixed(3)} s`;
}

/** The followed message's hops with their times; each step moves the timeline to the moment it arrived. */
export function FollowPanel({ hops, graph, onClose }: Props) {
  const timeline = useContext(TimelineContext);
  if (hops.length === 0) return null;
  const label = (id: string) => {
    const n = graph.nodes.find((x) => x.id === id);
    return n ? (nameOf(n) ?? n.label) : id;
  };
  const at = timeline?.cursor;
  const current = at === undefined ? -1 : hops.findLastIndex((h) => h.receivedAt <= at);
  const go = (i: number) => {
    const hop = hops[Math.max(0, Math.min(hops.length - 1, i))];
    timeline?.setPaused(true);
    timeline?.seek(hop.receivedAt);
  };
  return (
    <section className="follow-panel" aria-label="Followed message">
      <header>
        <strong>Message path</strong>
        <span className="follow-steps">
          <button type="button" className="quiet" onClick={() => go(current - 1)} disabled={!timeline || current === 0} aria-label="Previous hop">
            ◀
          </button>
          <button type="button" className="quiet" onClick={() => go(current + 1)} disabled={!timeline || current === hops.length - 1} aria-label="Next hop">
            ▶
          </button>
          <button type="button" className="quiet" onClick={onClose} aria-label="Stop following">
            ✕
          </button>
        </span>
      </header>
      <ol>
        {hops.map((h, i) => (
          <li key={h.step} data-hop={h.step} aria-current={i === current ? "step" : undefined}>
            <button type="button" className="quiet" onClick={() => go(i)} title="Show this moment in the timeline">
              <span className="hop-n">{h.step}</span> {label(h.from)} → {label(h.to)}
              <span className="hop-t">
                {ms(h.receivedAt)}
                {h.sentAt !== undefined ? ` (+${(h.receivedAt - h.sentAt).toFixed(1)} ms)` : ""}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
