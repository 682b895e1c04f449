import { describe, expect, it } from "vitest";
import { RateMeter } from "./rates.js";

describe("per-socket message rates", () => {
  it("reports messages per second of sockets that moved, and once more with zeros when they stop", () => {
    const meter = new RateMeter();
    expect(meter.read({ s1: { sent: 0, received: 0 } }, 1000, 0)).toBeUndefined();
    expect(meter.read({ s1: { sent: 50, received: 0 }, s2: { sent: 0, received: 40 } }, 1100, 100)).toEqual({
      type: "rates",
      t: 100,
      interval: 100,
      sockets: { s1: { sent: 500, received: 0 }, s2: { sent: 0, received: 400 } },
    });
    expect(meter.read({ s1: { sent: 60, received: 0 }, s2: { sent: 0, received: 40 } }, 1200, 200)?.sockets).toEqual({
      s1: { sent: 100, received: 0 },
      s2: { sent: 0, received: 0 },
    });
    expect(meter.read({ s1: { sent: 60, received: 0 }, s2: { sent: 0, received: 40 } }, 1300, 300)?.sockets).toEqual({ s1: { sent: 0, received: 0 } });
    expect(meter.read({ s1: { sent: 60, received: 0 }, s2: { sent: 0, received: 40 } }, 1400, 400)).toBeUndefined();
  });
});
