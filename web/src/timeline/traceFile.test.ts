import { describe, expect, it } from "vitest";
import { makeTraceFile, parseTraceFile } from "./traceFile.js";

const events = [{ type: "socket/open" as const, t: 1, socket: "s1", kind: "PUSH" as const, label: "PUSH main.ts:1", thread: 0 }];

describe("trace files", () => {
  it("round-trips files, entry and events", () => {
    const file = makeTraceFile({ "main.ts": "x" }, "main.ts", events);
    const parsed = parseTraceFile(JSON.stringify(file));
    expect(parsed).toEqual({ ok: true, trace: file });
  });

  it("says what is wrong with a bad file", () => {
    expect(parseTraceFile("{nope")).toMatchObject({ ok: false, error: expect.stringMatching(/not JSON/) });
    expect(parseTraceFile("{}")).toMatchObject({ ok: false, error: expect.stringMatching(/not a workbench trace/) });
    const future = { ...makeTraceFile({ "main.ts": "" }, undefined, events), version: 9 };
    expect(parseTraceFile(JSON.stringify(future))).toMatchObject({ ok: false, error: expect.stringMatching(/version 9/) });
    const bad = makeTraceFile({ "main.ts": "" }, undefined, [...events, { ...events[0], kind: "NOPE" } as never]);
    expect(parseTraceFile(JSON.stringify(bad))).toMatchObject({ ok: false, error: expect.stringMatching(/Event 2 .*"socket\/open" \/kind/) });
    const badName = makeTraceFile({ "../evil.ts": "" }, undefined, events);
    expect(parseTraceFile(JSON.stringify(badName))).toMatchObject({ ok: false, error: expect.stringMatching(/\/files/) });
  });
});
