/// <reference lib="webworker" />
// Runs ELK off the main thread: a layout of a hundred sockets must never stall the page.
import type { ElkNode } from "elkjs/lib/elk-api.js";
import ElkBundled from "elkjs/lib/elk.bundled.js";
import { fromElk, toElk } from "./elkGraph.js";
import type { LayoutRequest } from "./types.js";
import { warmUpRequest } from "./warm-up.js";

// The bundle is CommonJS: its default import is the constructor, which its typings do not say.
const Elk = ElkBundled as unknown as new () => { layout(graph: ElkNode): Promise<ElkNode> };
const elk = new Elk();
// Twice: the second pass runs the code the first one made the engine compile.
const warm = elk
  .layout(toElk(warmUpRequest()))
  .then(() => elk.layout(toElk(warmUpRequest())))
  .catch(() => undefined);

self.onmessage = async (ev: MessageEvent<{ id: number; request: LayoutRequest }>) => {
  const { id, request } = ev.data;
  await warm;
  const t0 = performance.now();
  try {
    const laid = await elk.layout(toElk(request));
    self.postMessage({ id, result: fromElk(laid, performance.now() - t0) });
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
