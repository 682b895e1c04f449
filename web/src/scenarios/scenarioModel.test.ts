import { describe, expect, it } from "vitest";
import type { ParamSpec, ScenarioSummary } from "../../../protocol/scenarios.js";
import { actorOfSocket, coerceParam, defaultValues, formatValue, isSlider, paramQuery, replicaCount, socketsByActor, stepOf } from "./scenarioModel.js";

const workers: ParamSpec = { label: "Workers", type: "number", default: 3, min: 0, max: 6, step: 1 };
const rate: ParamSpec = { label: "Rate", type: "number", default: 1, min: 0.2, max: 20 };

describe("scenario params", () => {
  it("starts every param at its default", () => {
    const s: ScenarioSummary = { id: "p", title: "P", summary: "s", params: { workers, rate }, actors: [] };
    expect(defaultValues(s)).toEqual({ workers: 3, rate: 1 });
  });

  it("coerces control text to the param's type and clamps it to the range", () => {
    expect(coerceParam(workers, "5")).toBe(5);
    expect(coerceParam(workers, "99")).toBe(6);
    expect(coerceParam(workers, "-1")).toBe(0);
    expect(coerceParam(workers, "")).toBeNull();
    expect(coerceParam({ label: "On", type: "boolean", default: false }, true)).toBe(true);
    expect(coerceParam({ label: "Topic", type: "string", default: "a" }, "b")).toBe("b");
  });

  it("picks sliders for bounded numbers with a fitting step", () => {
    expect(isSlider(workers)).toBe(true);
    expect(isSlider({ label: "N", type: "number", default: 1 })).toBe(false);
    expect(stepOf(workers)).toBe(1);
    expect(stepOf(rate)).toBe(0.5);
  });

  it("builds the program query and formats values", () => {
    expect(paramQuery({ workers: 3, duration: 30 })).toBe("?workers=3&duration=30");
    expect(paramQuery({})).toBe("");
    expect(formatValue(0.25)).toBe("0.25");
    expect(formatValue(20)).toBe("20");
    expect(formatValue(true)).toBe("on");
  });

  it("counts replicas from a number or the param they follow", () => {
    expect(replicaCount(2, {})).toBe(2);
    expect(replicaCount("$workers", { workers: 4 })).toBe(4);
  });
});

describe("sockets and actors", () => {
  it("finds the actor from the file in a socket's label", () => {
    expect(actorOfSocket({ label: "PULL worker.ts:12" })).toBe("worker");
    expect(actorOfSocket({ label: "ROUTER lru-broker.ts:8" })).toBe("lru-broker");
    expect(actorOfSocket({ label: "PUB" })).toBeNull();
  });

  it("counts open and closed sockets per actor, and connects that lost their peer", () => {
    const node = (id: string, label: string, closed = false) => ({ id, label, closed, kind: "PULL" as const });
    const counts = socketsByActor({
      nodes: [node("s1", "PULL worker.ts:12"), node("s2", "PUSH worker.ts:13", true), node("s3", "PUSH worker.ts:13"), node("s4", "PULL sink.ts:4")] as never,
      connections: [
        { socket: "s3", endpoint: "tcp://127.0.0.1:5558" },
        { socket: "s1", endpoint: "tcp://127.0.0.1:5557" },
      ],
      links: { "s3 tcp://127.0.0.1:5558": { state: "retrying", retries: 2 }, "s1 tcp://127.0.0.1:5557": { state: "connected", retries: 0 } },
    });
    expect(counts.get("worker")).toEqual({ open: 2, closed: 1, linksDown: 1 });
    expect(counts.get("sink")).toEqual({ open: 1, closed: 0, linksDown: 0 });
  });
});
