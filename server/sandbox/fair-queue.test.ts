import { describe, expect, it } from "vitest";
import { FairQueue, fairShare } from "./fair-queue.js";

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

  it("passes over a client holding half the slots while another client waits", () => {
    const q = new FairQueue<string>();
    const holding = new Map([["hog", 7]]);
    const held = (c: string) => holding.get(c) ?? 0;
    q.push("hog", "hog9");
    q.push("student", "s1");
    q.push("student", "s2");
    // The hog is first in line, but holds 7 of 8 slots (its share is 4): the student's runs go first.
    expect(q.shift(held, fairShare(8))).toBe("s1");
    holding.set("student", 1);
    expect(q.shift(held, fairShare(8))).toBe("s2");
    expect(q.shift(held, fairShare(8))).toBe("hog9");
  });

  it("serves a client at its share when every waiting client holds as much, so no slot stays empty", () => {
    const q = new FairQueue<string>();
    const holding = new Map([
      ["a", 4],
      ["b", 4],
    ]);
    const held = (c: string) => holding.get(c) ?? 0;
    q.push("a", "a1");
    q.push("b", "b1");
    expect(q.shift(held, 4)).toBe("a1");
    holding.set("a", 3);
    q.push("a", "a2");
    // b holds its share and a does not: a is served though b's turn came first.
    expect(q.shift(held, 4)).toBe("a2");
    expect(q.shift(held, 4)).toBe("b1");
  });

  it("lets a client with nobody else waiting take every slot", () => {
    const q = new FairQueue<string>();
    for (let i = 1; i <= 3; i++) q.push("only", `o${i}`);
    expect([q.shift(() => 8, 4), q.shift(() => 8, 4), q.shift(() => 8, 4)]).toEqual(["o1", "o2", "o3"]);
  });

  it("gives a share of half the slots, rounded up", () => {
    expect([fairShare(1), fairShare(2), fairShare(7), fairShare(8)]).toEqual([1, 1, 4, 4]);
  });
});
