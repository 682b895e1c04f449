import type { LayoutRequest, LayoutResult } from "./types.js";

/**
 * Talks to the layout worker. Only the latest request matters: while one layout runs, newer requests replace
 * each other and the last one runs next, so a burst of sockets costs two layouts, not one per socket.
 */
export class LayoutClient {
  private readonly worker: Worker;
  private nextId = 1;
  private running = 0;
  private waiting: { request: LayoutRequest; at: number } | null = null;
  private runningSince = 0;

  constructor(
    private readonly onResult: (result: LayoutResult) => void,
    private readonly onError: (message: string) => void = () => {},
  ) {
    this.worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
    this.worker.onmessage = (ev: MessageEvent<{ id: number; result?: LayoutResult; error?: string }>) => {
      if (ev.data.id !== this.running) return;
      this.running = 0;
      if (ev.data.result) this.onResult({ ...ev.data.result, sinceRequestMs: performance.now() - this.runningSince });
      else this.onError(ev.data.error ?? "layout failed");
      const next = this.waiting;
      this.waiting = null;
      if (next) this.request(next.request, next.at);
    };
  }

  /** `at`: when the graph asked for this layout (a request that waited counts its wait). */
  request(request: LayoutRequest, at = performance.now()): void {
    if (this.running) {
      this.waiting = { request, at };
      return;
    }
    this.running = this.nextId++;
    this.runningSince = at;
    this.worker.postMessage({ id: this.running, request });
  }

  destroy(): void {
    this.worker.terminate();
  }
}
