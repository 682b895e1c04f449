import { describe, expect, it } from "vitest";
import type { LessonGoal } from "../../../protocol/lessons.js";
import { GOAL_HEIGHT, GOAL_NODE_R, GOAL_WIDTH, goalBand, layoutGoal } from "./goalLayout.js";

const goal: LessonGoal = {
  sockets: [
    { id: "client", kind: "REQ" },
    { id: "server", kind: "REP", check: "Server bound" },
  ],
  links: [{ from: "client", to: "server", label: "tcp", check: "Requests answered" }],
};

describe("layoutGoal", () => {
  it("puts two sockets face to face, inside the picture", () => {
    const { nodes } = layoutGoal(goal, []);
    expect(nodes[0].y).toBe(nodes[1].y);
    expect(nodes[0].x).toBeLessThan(nodes[1].x);
    for (const n of nodes) expect(n.x > 0 && n.x < GOAL_WIDTH && n.y > 0 && n.y < GOAL_HEIGHT).toBe(true);
  });

  it("marks the parts whose assertion failed, and only those", () => {
    const failed = [{ name: "Requests answered", passed: false, message: "0 of 3 answered." }];
    const { nodes, edges } = layoutGoal(goal, failed);
    expect(edges[0].failing?.message).toBe("0 of 3 answered.");
    expect(nodes.every((n) => n.failing === undefined)).toBe(true);
  });

  it("draws two sockets face to face in a strip, and four in the whole picture, circles and labels inside", () => {
    const two = layoutGoal(goal, []).nodes;
    const four = layoutGoal({ sockets: ["a", "b", "c", "d"].map((id) => ({ id, kind: "SUB" })), links: [] }, []).nodes;
    expect(goalBand(two).height).toBeLessThan(GOAL_HEIGHT / 2);
    expect(goalBand(four).height).toBeGreaterThan(GOAL_HEIGHT * 0.8);
    for (const nodes of [two, four]) {
      const { top, height } = goalBand(nodes);
      for (const n of nodes) expect(n.y - GOAL_NODE_R >= top && n.y + GOAL_NODE_R + 12 <= top + height).toBe(true);
    }
  });
});
