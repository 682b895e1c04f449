import { afterEach, describe, expect, it, vi } from "vitest";
import type { ControlMessage as WireControlMessage } from "../../protocol/scenarios.js";
import type { ControlMessage } from "./control.js";

type Globals = { __zmqWorkbenchControl?: unknown; __zmqWorkbenchParams?: unknown };
const globals = globalThis as Globals;

/** A fresh copy of the module, as a new program would load it, after the runner set up `globals`. */
async function freshControl(setup: Globals = {}) {
  vi.resetModules();
  delete globals.__zmqWorkbenchControl;
  delete globals.__zmqWorkbenchParams;
  Object.assign(globals, setup);
  return import("./control.js");
}
const dispatch = (detail: unknown) => (globals.__zmqWorkbenchControl as EventTarget).dispatchEvent(new CustomEvent("control", { detail }));

afterEach(() => {
  delete globals.__zmqWorkbenchControl;
  delete globals.__zmqWorkbenchParams;
});

describe("the control module shipped with generated programs", () => {
  it("speaks the wire protocol's ControlMessage", () => {
    const wire: WireControlMessage = { action: "actor", actor: "worker-2", op: "pause" };
    const runtime: ControlMessage = wire;
    expect(runtime).toBe(wire);
  });

  it("creates the control target when the runner has not, and applies set-param before calling handlers", async () => {
    const control = await freshControl();
    const params = control.defineParams({ rate: 5, topic: "a" });
    const seen: Array<[ControlMessage, number]> = [];
    control.onControl((m) => seen.push([m, params.rate]));
    expect(globals.__zmqWorkbenchControl).toBeInstanceOf(EventTarget);
    dispatch({ action: "set-param", name: "rate", value: 50 });
    expect(params.rate).toBe(50);
    expect(control.params.rate).toBe(50);
    expect(seen).toEqual([[{ action: "set-param", name: "rate", value: 50 }, 50]]);
  });

  it("passes actor operations on and stops calling a handler once it unsubscribes", async () => {
    const control = await freshControl({ __zmqWorkbenchControl: new EventTarget() });
    const seen: ControlMessage[] = [];
    const stop = control.onControl((m) => seen.push(m));
    dispatch({ action: "actor", actor: "worker-2", op: "kill" });
    stop();
    dispatch({ action: "actor", actor: "worker-2", op: "restart" });
    expect(seen).toEqual([{ action: "actor", actor: "worker-2", op: "kill" }]);
  });

  it("ignores malformed messages, unknown params and values of another type", async () => {
    const control = await freshControl();
    const params = control.defineParams({ rate: 5 });
    const seen: ControlMessage[] = [];
    control.onControl((m) => seen.push(m));
    for (const bad of [
      null,
      "kill",
      { action: "actor", actor: "x", op: "explode" },
      { action: "set-param", name: "rate", value: Infinity },
      { action: "set-param", name: "rate", value: "fast" },
      { action: "set-param", name: "speed", value: 1 },
    ])
      dispatch(bad);
    expect(params.rate).toBe(5);
    expect(seen).toEqual([]);
  });

  it("starts from the values the runner provides when their types fit", async () => {
    const control = await freshControl({ __zmqWorkbenchParams: { rate: 9, topic: 3 } });
    expect(control.defineParams({ rate: 5, topic: "a" })).toEqual({ rate: 9, topic: "a" });
  });

  it("listens on the control target the runner created first", async () => {
    const target = new EventTarget();
    const control = await freshControl({ __zmqWorkbenchControl: target });
    const params = control.defineParams({ workers: 1 });
    target.dispatchEvent(new MessageEvent("control", { data: { action: "set-param", name: "workers", value: 3 } }));
    expect(params.workers).toBe(3);
  });
});
