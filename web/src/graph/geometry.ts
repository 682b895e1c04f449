import type { Point } from "./layout/types.js";

/** A polyline with its cumulative lengths, so a particle can be placed at any fraction of the way. */
export interface Route {
  points: Point[];
  lengths: number[];
  total: number;
}

export function routeOf(points: Point[]): Route {
  const lengths = [0];
  for (let i = 1; i < points.length; i++) lengths.push(lengths[i - 1] + Math.hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y));
  return { points, lengths, total: lengths.at(-1) ?? 0 };
}

export function pointAt(route: Route, fraction: number): Point {
  const { points, lengths, total } = route;
  if (points.length === 0) return { x: 0, y: 0 };
  const d = Math.min(Math.max(fraction, 0), 1) * total;
  let i = 1;
  while (i < points.length - 1 && lengths[i] < d) i++;
  const seg = lengths[i] - lengths[i - 1] || 1;
  const f = (d - lengths[i - 1]) / seg;
  const a = points[i - 1],
    b = points[i] ?? a;
  return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
}

/** The point on a circle of radius r around `c` in the direction of `toward`. */
export function rim(c: Point, toward: Point, r: number): Point {
  const len = Math.hypot(toward.x - c.x, toward.y - c.y) || 1;
  return { x: c.x + ((toward.x - c.x) / len) * r, y: c.y + ((toward.y - c.y) / len) * r };
}

/**
 * The drawn line of an edge from `a` (radius ra) to `b` (radius rb): through ELK's bend points when the layout
 * routed it, else straight; it starts and ends on the shapes' rims, not on their caption boxes.
 */
export function edgePath(a: Point, ra: number, b: Point, rb: number, bends: Point[]): Point[] {
  const first = bends[0] ?? b,
    last = bends.at(-1) ?? a;
  return [rim(a, first, ra + 2), ...bends, rim(b, last, rb + 6)];
}

export function svgPath(points: Point[]): string {
  return points.map((p, i) => `${i ? "L" : "M"}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");
}
