/// <reference lib="webworker" />
// Runs ELK off the main thread: a layout of a hundred sockets must never stall the page.
import type { ElkNode } from "elkjs/lib/elk-api.js";
import ElkBundled from "elkjs/lib/elk.bundled.js";
import { fromElk, toElk } from "./elkGraph.js";
import type { LayoutRequest } from "./types.js";

// The bundle is CommonJS: its default import is the constructor, which its typings do not say.
const Elk = ElkBundled as unknown as new () => { layout(graph: ElkNode): Promise<ElkNode> };
const elk = new Elk();

self.onmessage = async (ev: MessageEvent<{ id: number; request: LayoutRequest }>) => {
  const { id, request } = ev.data;
  const t0 = performance.now();
  try {
    const laid = await elk.layout(toElk(request));
    self.postMessage({ id, result: fromElk(laid, performance.now() - t0) });
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
