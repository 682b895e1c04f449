import { WebSocket } from "ws";
import type { FastifyInstance } from "fastify";
import type { ServerMessage } from "../../protocol/ws.js";
import type { RunExit, TraceEvent } from "../../protocol/trace.js";

/** Collects what the server sends on one run WebSocket, for tests. */
export class WsProbe {
  readonly messages: ServerMessage[] = [];
  private waiters: Array<() => void> = [];

  ws!: WebSocket;

  /** Connects with the listener attached before the socket opens, so messages sent on connect are not missed. */
  static async open(app: FastifyInstance, path: string): Promise<WsProbe> {
    const probe = new WsProbe();
    probe.ws = await app.injectWS(path, {}, { onInit: (ws) => probe.listen(ws) });
    return probe;
  }

  /**
   * A real client over TCP to a listening app; `from` is sent as X-Forwarded-For, which the app honours only when
   * TRUST_PROXY trusts 127.0.0.1, so tests can be many client addresses at once.
   */
  static async connect(baseUrl: string, path: string, from?: string): Promise<WsProbe> {
    const probe = new WsProbe();
    const ws = new WebSocket(baseUrl.replace(/^http/, "ws") + path, { headers: from ? { "x-forwarded-for": from } : {} });
    probe.listen(ws);
    probe.ws = ws;
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
      ws.once("unexpected-response", (_request, response) => reject(new Error(`Unexpected server response: ${response.statusCode}`)));
    });
    return probe;
  }

  /** Resolves once the server has closed this socket. */
  closed(): Promise<void> {
    return this.ws.readyState === this.ws.CLOSED ? Promise.resolve() : new Promise((resolve) => this.ws.once("close", () => resolve()));
  }

  private listen(ws: WebSocket): void {
    ws.on("message", (data) => {
      this.messages.push(JSON.parse(data.toString()) as ServerMessage);
      this.waiters.splice(0).forEach((w) => w());
    });
  }

  send(message: unknown): void {
    this.ws.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  events(runId: string): TraceEvent[] {
    return this.messages.flatMap((m) => (m.type === "trace" && m.meta.runId === runId ? m.payload.events : []));
  }

  async until<T>(pick: () => T | undefined, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = pick();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`timed out; received: ${JSON.stringify(this.messages).slice(0, 2000)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  exitOf(runId: string): Promise<RunExit> {
    return this.until(() => this.events(runId).find((e): e is RunExit => e.type === "run/exit"));
  }

  /** Every error sentence the server sent about this run, in order. */
  errorsFor(runId?: string): string[] {
    return this.messages.flatMap((m) => (m.type === "error" && m.meta.runId === runId ? [m.payload.message] : []));
  }

  errorFor(runId?: string): Promise<string> {
    return this.until(() => {
      const m = this.messages.find((x) => x.type === "error" && x.meta.runId === runId);
      return m?.type === "error" ? m.payload.message : undefined;
    });
  }
}
