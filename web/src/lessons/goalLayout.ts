import type { Assertion, LessonGoal } from "../../../protocol/lessons.js";

export const GOAL_WIDTH = 320;
export const GOAL_HEIGHT = 190;
const MARGIN_X = 56;
const MARGIN_Y = 34;
/** A socket's circle, in picture units. */
export const GOAL_NODE_R = 17;
/** Room above a circle (an edge's label) and below it (the socket's label). */
const ROOM_ABOVE = 6;
const ROOM_BELOW = 18;

export interface GoalNode {
  id: string;
  kind: string;
  label: string;
  x: number;
  y: number;
  failing?: Assertion;
}
export interface GoalEdge {
  from: GoalNode;
  to: GoalNode;
  label?: string;
  failing?: Assertion;
}

/**
 * Places the goal's sockets on an ellipse in the order the lesson lists them (two sockets face each other left and
 * right) and marks each part whose `check` names an assertion that failed in the latest check.
 */
export function layoutGoal(goal: LessonGoal, failed: readonly Assertion[]): { nodes: GoalNode[]; edges: GoalEdge[] } {
  const failing = (name?: string) => (name ? failed.find((a) => a.name === name) : undefined);
  const n = goal.sockets.length;
  const rx = GOAL_WIDTH / 2 - MARGIN_X;
  const ry = GOAL_HEIGHT / 2 - MARGIN_Y;
  const nodes = goal.sockets.map((s, i): GoalNode => {
    const angle = Math.PI + (2 * Math.PI * i) / n;
    return {
      id: s.id,
      kind: s.kind,
      label: s.label ?? `${s.kind} ${s.id}`,
      x: Math.round(GOAL_WIDTH / 2 + rx * Math.cos(angle)),
      y: Math.round(GOAL_HEIGHT / 2 + ry * Math.sin(angle)),
      ...(failing(s.check) ? { failing: failing(s.check) } : {}),
    };
  });
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const edges = goal.links.flatMap((l): GoalEdge[] => {
    const from = byId.get(l.from);
    const to = byId.get(l.to);
    return from && to ? [{ from, to, label: l.label, ...(failing(l.check) ? { failing: failing(l.check) } : {}) }] : [];
  });
  return { nodes, edges };
}

/**
 * The rows of the picture the drawing uses: two sockets face to face need a strip, not the whole picture, and in a
 * narrow lesson pane the empty rest would push what follows out of view.
 */
export function goalBand(nodes: readonly GoalNode[]): { top: number; height: number } {
  if (nodes.length === 0) return { top: 0, height: GOAL_HEIGHT };
  const top = Math.max(0, Math.min(...nodes.map((n) => n.y)) - GOAL_NODE_R - ROOM_ABOVE);
  const bottom = Math.min(GOAL_HEIGHT, Math.max(...nodes.map((n) => n.y)) + GOAL_NODE_R + ROOM_BELOW);
  return { top, height: bottom - top };
}
