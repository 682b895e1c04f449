import { describe, expect, it } from "vitest";
import { ChannelReader, nestsDeeperThan } from "./channel-reader.js";
import { CHANNEL_BOUNDS } from "../../sandboxed/runner/channel.js";

const line = (text: string) => Buffer.from(text, "utf8");
const open = { type: "socket/open", t: 1, socket: "s1", kind: "PUSH", label: "PUSH main.ts:1", thread: 0 };

function keyedReader(): { reader: ChannelReader; signed: (json: string) => Buffer } {
  const reader = new ChannelReader();
  expect(reader.read(line('{"type":"ready","pid":7}'))).toEqual({ type: "ready", pid: 7 });
  const key = reader.newKey();
  return { reader, signed: (json) => line(`${key} ${json}`) };
}

describe("the supervisor's end of the channel", () => {
  it("takes the runner's keyed lines and counts the program's own as unsigned", () => {
    const { reader, signed } = keyedReader();
    const events = JSON.stringify({ type: "events", events: [open] });
    expect(reader.read(signed(events))).toEqual({ type: "events", events: [open] });
    expect(reader.read(line(events))).toBe("unsigned");
    expect(reader.read(line(`${"0".repeat(CHANNEL_BOUNDS.KEY_CHARS)} ${events}`))).toBe("unsigned");
    expect(reader.rejected).toEqual({ unsigned: 2, malformed: 0 });
  });

  it("refuses a keyed line nested 10,000 deep before parsing it", () => {
    const { reader, signed } = keyedReader();
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    expect(reader.read(signed(`{"type":"events","events":[{"type":"socket/option","value":${deep}}]}`))).toBe("malformed");
    expect(nestsDeeperThan(line('{"a":"[[[[[[[[[[[[[[[["}'), 3)).toBe(false);
    expect(nestsDeeperThan(line('{"a":"\\\\"}'), 1)).toBe(false);
  });

  it("refuses keyed lines that break the contract: too many events, a verdict the runner may not claim, a late ready", () => {
    const { reader, signed } = keyedReader();
    const tooMany = Array.from({ length: CHANNEL_BOUNDS.EVENTS_PER_LINE + 1 }, () => open);
    expect(reader.read(signed(JSON.stringify({ type: "events", events: tooMany })))).toBe("malformed");
    expect(reader.read(signed(JSON.stringify({ type: "uncaught", name: "Error", message: "x", limit: "wall-time" })))).toBe("malformed");
    expect(reader.read(signed(JSON.stringify({ type: "uncaught", name: "LimitError", message: "x", limit: "sockets" })))).toMatchObject({ limit: "sockets" });
    expect(reader.read(signed('{"type":"ready","pid":1}'))).toBe("malformed");
    expect(reader.read(signed("not json"))).toBe("malformed");
  });

  it("takes nothing but ready before the job", () => {
    const reader = new ChannelReader();
    expect(reader.read(line(JSON.stringify({ type: "events", events: [open] })))).toBe("unsigned");
  });
});
