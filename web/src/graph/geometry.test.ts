import { describe, expect, it } from "vitest";
import { edgePath, pointAt, routeOf } from "./geometry.js";

describe("routes", () => {
  it("places a point by the fraction of the whole length, across bends", () => {
    const r = routeOf([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 30 },
    ]);
    expect(r.total).toBe(40);
    expect(pointAt(r, 0.25)).toEqual({ x: 10, y: 0 });
    expect(pointAt(r, 0.5)).toEqual({ x: 10, y: 10 });
    expect(pointAt(r, 1)).toEqual({ x: 10, y: 30 });
  });

  it("starts and ends an edge on the shapes' rims", () => {
    const p = edgePath({ x: 0, y: 0 }, 10, { x: 100, y: 0 }, 10, []);
    expect(p[0]).toEqual({ x: 12, y: 0 });
    expect(p[1]).toEqual({ x: 84, y: 0 });
  });
});
