import { describe, expect, it } from "vitest";
import { FairQueue } from "./fair-queue.js";

describe("FairQueue", () => {
  it("serves clients in turn, each client's items in order", () => {
    const q = new FairQueue<string>();
    for (const item of ["a1", "a2", "a3"]) q.push("a", item);
    q.push("b", "b1");
    q.push("c", "c1");
    q.push("b", "b2");
    const order = Array.from({ length: 6 }, () => q.shift());
    expect(order).toEqual(["a1", "b1", "c1", "a2", "b2", "a3"]);
    expect(q.shift()).toBeUndefined();
    expect(q.length).toBe(0);
  });

  it("lets a newcomer in after at most one item of each client already waiting", () => {
    const q = new FairQueue<string>();
    for (let i = 1; i <= 40; i++) q.push("hog", `hog${i}`);
    q.shift();
    q.push("student", "s1");
    expect(q.positionOf("student", "s1")).toBe(2);
    expect([q.shift(), q.shift()]).toEqual(["hog2", "s1"]);
  });

  it("reports places in line counting other clients' turns, and removes a cancelled item", () => {
    const q = new FairQueue<string>();
    q.push("a", "a1");
    q.push("a", "a2");
    q.push("b", "b1");
    expect([q.positionOf("a", "a1"), q.positionOf("b", "b1"), q.positionOf("a", "a2")]).toEqual([1, 2, 3]);
    expect(q.remove("a", "a1")).toBe(true);
    expect(q.remove("a", "a1")).toBe(false);
    expect(q.length).toBe(2);
    expect([q.shift(), q.shift()]).toEqual(["a2", "b1"]);
  });

  it("gives an address's turns to its tabs in turn (a class behind one NAT)", () => {
    const q = new FairQueue<string>();
    q.push("school", "ann1", "ann");
    q.push("school", "ann2", "ann");
    q.push("school", "ann3", "ann");
    q.push("school", "bob1", "bob");
    q.push("home", "h1", "h");
    q.push("school", "cid1", "cid");
    expect(q.positionOf("school", "bob1")).toBe(3);
    expect(Array.from({ length: 6 }, () => q.shift())).toEqual(["ann1", "h1", "bob1", "cid1", "ann2", "ann3"]);
  });
});
