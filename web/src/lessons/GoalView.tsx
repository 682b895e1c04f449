import { useEffect, useRef } from "react";
import type { CheckResult, LessonGoal } from "../../../protocol/lessons.js";
import { GOAL_NODE_R as NODE_R, GOAL_WIDTH, goalBand, layoutGoal } from "./goalLayout.js";

interface Props {
  goal: LessonGoal;
  /** The latest check: parts whose assertion failed are drawn as failing. */
  check: CheckResult | null;
}

/** The topology the lesson asks for, as a small static drawing beside the live graph. */
export function GoalView({ goal, check }: Props) {
  const failed = check?.assertions.filter((a) => !a.passed) ?? [];
  const { nodes, edges } = layoutGoal(goal, failed);
  const band = goalBand(nodes);
  const failingParts = [...nodes, ...edges].filter((p) => p.failing).length;
  const figure = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new check that marks parts is what brings the goal into view
  useEffect(() => {
    if (failingParts > 0 && figure.current) revealBelow(figure.current);
  }, [check, failingParts]);
  return (
    <figure className="goal-view" data-goal-failing={failingParts} ref={figure}>
      <figcaption>Goal{failingParts > 0 ? ` - ${failingParts} part${failingParts === 1 ? "" : "s"} not there yet` : ""}</figcaption>
      <svg viewBox={`0 ${band.top} ${GOAL_WIDTH} ${band.height}`} role="img" aria-label={`Goal topology: ${nodes.map((n) => n.label).join(", ")}`}>
        <defs>
          <marker id="goal-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="goal-arrowhead" />
          </marker>
        </defs>
        {edges.map((e) => {
          const dx = e.to.x - e.from.x;
          const dy = e.to.y - e.from.y;
          const len = Math.hypot(dx, dy) || 1;
          const [x1, y1] = [e.from.x + (dx / len) * NODE_R, e.from.y + (dy / len) * NODE_R];
          const [x2, y2] = [e.to.x - (dx / len) * (NODE_R + 2), e.to.y - (dy / len) * (NODE_R + 2)];
          return (
            <g
              key={`${e.from.id}-${e.to.id}`}
              className={e.failing ? "goal-link failing" : "goal-link"}
              data-goal-link={`${e.from.id}-${e.to.id}`}
              data-failing={e.failing ? "true" : undefined}
            >
              <title>{e.failing ? `Not yet: ${e.failing.name}. ${e.failing.message}` : `${e.from.label} → ${e.to.label}`}</title>
              <line x1={x1} y1={y1} x2={x2} y2={y2} markerEnd="url(#goal-arrow)" />
              {e.label && (
                <text x={(x1 + x2) / 2} y={(y1 + y2) / 2 - 5} textAnchor="middle">
                  {e.label}
                </text>
              )}
            </g>
          );
        })}
        {nodes.map((n) => (
          <g key={n.id} className={n.failing ? "goal-socket failing" : "goal-socket"} data-goal-socket={n.id} data-failing={n.failing ? "true" : undefined}>
            <title>{n.failing ? `Not yet: ${n.failing.name}. ${n.failing.message}` : n.label}</title>
            <circle cx={n.x} cy={n.y} r={NODE_R} />
            <text x={n.x} y={n.y + 4} textAnchor="middle" className="goal-kind">
              {n.kind}
            </text>
            <text x={n.x} y={n.y + NODE_R + 12} textAnchor="middle" className="goal-label">
              {n.label}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

/**
 * A check that marks parts of the goal scrolls the lesson text just far enough to show the whole drawing when it lies
 * partly below the visible text (a narrow screen, a long summary); a reader who scrolled past it is not moved back.
 */
function revealBelow(figure: HTMLElement): void {
  const scroller = figure.closest(".lesson-scroll");
  if (!scroller) return;
  const f = figure.getBoundingClientRect();
  const s = scroller.getBoundingClientRect();
  if (f.bottom > s.bottom && f.top > s.top) scroller.scrollTop += Math.min(f.bottom - s.bottom, f.top - s.top);
}
