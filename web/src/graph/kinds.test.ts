import { describe, expect, it } from "vitest";
import { FAMILIES, radiusToFit, shapePath } from "./kinds.js";

/** Whether a point lies inside the shape shapePath draws (a circle, or a convex polygon listed in order). */
function inside(shape: (typeof FAMILIES)[number]["shape"], r: number, x: number, y: number): boolean {
  if (shape === "circle") return Math.hypot(x, y) <= r + 1e-6;
  const points = [...shapePath(shape, r).matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const side = (i: number) => {
    const [ax, ay] = points[i],
      [bx, by] = points[(i + 1) % points.length];
    return (bx - ax) * (y - ay) - (by - ay) * (x - ax);
  };
  const signs = points.map((_, i) => side(i));
  return signs.every((s) => s >= -0.05) || signs.every((s) => s <= 0.05);
}

describe("a shape sized to its kind", () => {
  for (const { shape } of FAMILIES) {
    it(`holds the text box of a wide kind inside a ${shape}, and no more than it needs`, () => {
      for (const [width, size] of [
        [82, 20],
        [54, 13],
        [30, 8.5],
      ]) {
        const r = radiusToFit(shape, width, size);
        const corners = [-1, 1].flatMap((sx) => [-1, 1].map((sy) => [(sx * width) / 2, sy * 0.585 * size]));
        for (const [x, y] of corners) expect(inside(shape, r, x, y), `${shape} ${width}×${size} at ${x},${y}`).toBe(true);
        expect(
          corners.some(([x, y]) => !inside(shape, r - 5, x, y)),
          `${shape} ${width}×${size} a little smaller`,
        ).toBe(true);
      }
    });
  }
});
