import { describe, expect, it } from "vitest";
import { placeOf, placesOf } from "./places.js";

describe("where a socket runs", () => {
  it("names the main thread, worker threads and child processes", () => {
    expect(placeOf({ thread: 0 })).toEqual({ key: "t0", label: "main thread" });
    expect(placeOf({ thread: 2 })).toEqual({ key: "t2", label: "worker thread 2" });
    expect(placeOf({ thread: 0, process: 14 })).toEqual({ key: "p14.t0", label: "process 14" });
  });

  it("orders places main thread first, then workers, then processes, each once", () => {
    const nodes = [{ thread: 0, process: 14 }, { thread: 3 }, { thread: 0 }, { thread: 0, process: 14 }, { thread: 1 }];
    expect(placesOf(nodes).map((p) => p.label)).toEqual(["main thread", "worker thread 1", "worker thread 3", "process 14"]);
  });
});

describe("the boxes the graph draws around places and devices", () => {
  it("puts a device process's sockets in a box of their own, inside which the device box sits", async () => {
    const { reduceGraphAll } = await import("./reducer.js");
    const { groupsOf } = await import("../layout/plan.js");
    const graph = reduceGraphAll([
      { type: "socket/open", t: 0, socket: "s1", kind: "PUSH", label: "PUSH main.ts:7", thread: 0 },
      { type: "socket/open", t: 1, socket: "p14.s1", kind: "PULL", label: "PULL", thread: 0, process: 14 },
      { type: "socket/open", t: 1, socket: "p14.s2", kind: "PUSH", label: "PUSH", thread: 0, process: 14 },
      { type: "device/open", t: 2, device: "p14.d1", kind: "streamer", sockets: ["p14.s1", "p14.s2"], label: "streamer (process)" },
    ]);
    expect(groupsOf(graph).map((g: { kind: string; label: string; members: string[] }) => [g.kind, g.label, g.members])).toEqual([
      ["thread", "main thread", ["s1"]],
      ["thread", "process 14", ["p14.s1", "p14.s2"]],
      ["device", "streamer (process)", ["p14.s1", "p14.s2"]],
    ]);
  });
});
