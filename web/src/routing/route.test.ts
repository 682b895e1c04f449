import { describe, expect, it } from "vitest";
import { routeFromPath } from "./route.js";

describe("routes", () => {
  it("reads each page from its path", () => {
    expect(routeFromPath("/")).toEqual({ kind: "playground" });
    expect(routeFromPath("/s/AbC123xy")).toEqual({ kind: "share", id: "AbC123xy" });
    expect(routeFromPath("/lessons/hello-req-rep")).toEqual({ kind: "lesson", id: "hello-req-rep" });
    expect(routeFromPath("/watch/abc234")).toEqual({ kind: "watch", code: "ABC234" });
  });

  it("treats unknown or malformed paths as the playground", () => {
    expect(routeFromPath("/lessons/")).toEqual({ kind: "playground" });
    expect(routeFromPath("/lessons/Bad_Id")).toEqual({ kind: "playground" });
    expect(routeFromPath("/nowhere")).toEqual({ kind: "playground" });
  });
});
