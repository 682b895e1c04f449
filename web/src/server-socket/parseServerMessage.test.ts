import { afterEach, describe, expect, it, vi } from "vitest";
import { parseServerMessage } from "./parseServerMessage.js";

describe("parseServerMessage", () => {
  afterEach(() => vi.restoreAllMocks());

  it("reads a frame that matches the protocol", () => {
    const pong = { type: "pong", payload: { seq: 7 }, meta: {} };
    expect(parseServerMessage(JSON.stringify(pong))).toEqual(pong);
    const error = { type: "error", payload: { message: "Too many runs" }, meta: { runId: "r1" } };
    expect(parseServerMessage(JSON.stringify(error))).toEqual(error);
  });

  it("drops, with a warning, frames that are not JSON or do not match", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(parseServerMessage("{not json")).toBeUndefined();
    for (const bad of [
      { type: "pong", payload: { seq: -1 }, meta: {} },
      { type: "pong", payload: { seq: 1.5 }, meta: {} },
      { type: "error", payload: { message: 3 }, meta: {} },
      { type: "no-such-type", payload: {}, meta: {} },
      null,
      [],
    ])
      expect(parseServerMessage(JSON.stringify(bad))).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(6);
  });
});
