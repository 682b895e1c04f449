import type { FastifyInstance, FastifyBaseLogger } from "fastify";
import type { WebSocket } from "ws";
import type { ClientMessage, ServerMessage } from "../../protocol/ws.js";
import type { TraceEvent } from "../../protocol/trace.js";
import type { ControlMessage, ParamValue } from "../../protocol/scenarios.js";
import { RunRefused, type RunTicket } from "../sandbox/supervisor.js";
import type { Session } from "../sessions/session.js";
import { EventBatcher } from "./event-batcher.js";
import { appendUpTo } from "../util/append-all.js";
import type { Drainable } from "../cluster/drain.js";
import { pongFor } from "../../protocol/heartbeat.js";

/** WebSocket close code 1012 "service restart": the browser reconnects, and the proxy picks another node. */
const CLOSE_RESTARTING = 1012;

let tabs = 0;

type StartMessage = Extract<ClientMessage, { type: "run/start" }>;

/**
 * One browser's run WebSocket: its runs, their lesson checks, and the classroom session it presents, if any.
 * Everything it starts stops when the socket closes.
 */
export class RunConnection implements Drainable {
  private readonly tickets = new Map<string, RunTicket>();
  /** This browser tab, among the others at the same address. */
  private readonly tab = `tab-${++tabs}`;
  /** Runs being admitted (the rate limit may ask Redis), and those of them whose Stop arrived meanwhile. */
  private readonly admitting = new Map<string, boolean>();
  /** The scenario each running program was generated from, so its live controls can be checked against it. */
  private readonly scenarioOf = new Map<string, string>();
  private session: Session | undefined;
  private leaving = false;
  /** The socket closed: a run admitted while Redis was being asked must not start for nobody. */
  private gone = false;

  constructor(
    private readonly app: FastifyInstance,
    private readonly socket: WebSocket,
    private readonly log: FastifyBaseLogger,
    /** The client address every limit counts this connection's runs and sessions against. */
    private readonly client: string,
  ) {}

  send(message: ServerMessage): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }

  fail(message: string, runId?: string): void {
    this.send({ type: "error", payload: { message }, meta: runId ? { runId } : {} });
  }

  async handle(message: ClientMessage, allowRun: () => Promise<boolean>): Promise<void> {
    switch (message.type) {
      case "run/start":
        return this.admit(message, allowRun);
      case "run/stop":
        if (this.admitting.has(message.meta.runId)) this.admitting.set(message.meta.runId, true);
        return this.tickets.get(message.meta.runId)?.stop("stop");
      case "run/control":
        return this.control(message.meta.runId, message.payload);
      case "session/open":
        return await this.openSession(message.payload);
      case "session/view":
        return this.session ? this.session.setView(message.payload) : this.fail("There is no open session to share the view with.");
      case "session/close":
        return this.closeSession("The presenter ended the session.");
      case "ping":
        return this.send(pongFor(message));
    }
  }

  /** The node is draining: this connection closes once its runs have ended, so its browser moves to another node. */
  leaveWhenIdle(): void {
    this.leaving = true;
    if (this.tickets.size === 0) this.socket.close(CLOSE_RESTARTING, "node draining");
  }

  closed(): void {
    this.gone = true;
    for (const ticket of this.tickets.values()) ticket.stop("client-gone");
    if (this.session?.presenting) this.session.presenterLeft();
  }

  private async admit(message: StartMessage, allowRun: () => Promise<boolean>): Promise<void> {
    const { runId } = message.meta;
    if (this.admitting.has(runId)) return this.fail(`A run with id ${runId} already exists on this connection.`, runId);
    this.admitting.set(runId, false);
    let allowed: boolean;
    let stopped: boolean | undefined;
    try {
      allowed = await allowRun();
    } finally {
      stopped = this.admitting.get(runId);
      this.admitting.delete(runId);
    }
    if (!allowed) return this.fail("You are starting runs too quickly. Wait a few seconds and try again.", runId);
    return this.start(message, stopped === true);
  }

  /** `stopAtOnce`: Stop was pressed while the run was being admitted; it still reports its start and its exit. */
  private async start(message: StartMessage, stopAtOnce: boolean): Promise<void> {
    const { runId } = message.meta;
    const { files, entry, timeoutMs, lessonId, params, scenario } = message.payload;
    if (this.tickets.has(runId)) return this.fail(`A run with id ${runId} already exists on this connection.`, runId);
    const paramProblem = scenario ? this.scenarioParamsProblem(scenario, params ?? {}) : null;
    if (paramProblem) return this.fail(paramProblem, runId);
    if (this.app.runRefusal) return this.fail(this.app.runRefusal, runId);
    if (this.leaving || !this.app.drain.accepting) {
      this.fail("This server is restarting; you are being moved to another one. Press Run again in a moment.", runId);
      return this.leaveWhenIdle();
    }
    if (lessonId && !this.app.lessons.get(lessonId)) return this.fail(`There is no lesson "${lessonId}" to check against.`, runId);
    const session = this.session;
    const batcher = new EventBatcher(
      (events) => {
        this.send({ type: "trace", payload: { events }, meta: { runId } });
        session?.addEvents(runId, events);
      },
      () => this.socket.bufferedAmount,
      this.app.supervisor.limits.BROWSER_BACKLOG_BYTES,
    );
    const recorded: TraceEvent[] = [];
    let ticket: RunTicket;
    try {
      ticket = await this.app.supervisor.submit(
        { runId, files, entry, timeoutMs, params, client: this.client, tab: this.tab, presenter: session !== undefined, takeClusterSlot: this.clusterSlot() },
        (events) => {
          if (lessonId) appendUpTo(recorded, events, this.app.supervisor.limits.RECORDED_EVENTS, (e) => e.type === "run/exit");
          batcher.push(events);
        },
        (position) => this.send({ type: "run/queued", payload: { position }, meta: { runId } }),
      );
    } catch (err) {
      if (err instanceof RunRefused) return this.fail(err.message, runId);
      throw err;
    }
    this.tickets.set(runId, ticket);
    if (stopAtOnce) ticket.stop("stop");
    else if (this.gone) ticket.stop("client-gone");
    if (scenario) this.scenarioOf.set(runId, scenario);
    session?.startRun({ runId, entry: entry ?? "main.ts", files });
    await ticket.done;
    this.tickets.delete(runId);
    this.scenarioOf.delete(runId);
    if (this.leaving && this.tickets.size === 0) this.socket.close(CLOSE_RESTARTING, "node draining");
    if (lessonId) await this.judge(lessonId, runId, recorded);
  }

  /** With several nodes, how a run takes its place in the address's count over all of them. */
  private clusterSlot() {
    const counts = this.app.clusterCounts;
    return counts && (() => counts.take("runs", this.client, this.app.supervisor.limits.RUNS_PER_CLIENT));
  }

  /** A live control reaches a scenario's program only when it fits that scenario (a known actor, a param in range). */
  private control(runId: string, message: ControlMessage): void {
    const ticket = this.tickets.get(runId);
    if (!ticket) return;
    const scenario = this.scenarioOf.get(runId);
    const problem = scenario ? this.app.scenarios.controlProblem(scenario, message) : null;
    if (problem) return this.fail(problem, runId);
    ticket.control(message);
  }

  private scenarioParamsProblem(scenario: string, params: Record<string, unknown>): string | null {
    for (const [name, value] of Object.entries(params)) {
      const problem = this.app.scenarios.controlProblem(scenario, { action: "set-param", name, value: value as ParamValue });
      if (problem) return problem;
    }
    return null;
  }

  private async judge(lessonId: string, runId: string, recorded: TraceEvent[]): Promise<void> {
    try {
      this.send({ type: "check/result", payload: await this.app.lessons.judge(lessonId, recorded), meta: { runId } });
    } catch (err) {
      this.log.error(err, "lesson check failed");
      this.fail("The lesson's check could not judge this run; the problem has been logged.", runId);
    }
  }

  private async openSession(previous: { code?: string; key?: string }): Promise<void> {
    const audience = (spectators: number) => this.send({ type: "session/audience", payload: { spectators }, meta: {} });
    if (!this.session && previous.code && previous.key) this.session = await this.app.sessions.reclaim(previous.code, previous.key, this.client, audience);
    if (!this.session) {
      const session = await this.app.sessions.open(this.client, audience);
      if (typeof session === "string") return this.fail(session);
      this.session = session;
    }
    const s = this.session;
    this.send({
      type: "session/opened",
      payload: {
        code: s.code,
        url: `/watch/${s.code}`,
        expiresAt: new Date(s.expiresAt).toISOString(),
        spectators: s.spectatorCount,
        key: s.presenterKey ?? "",
      },
      meta: {},
    });
  }

  private closeSession(reason: string): void {
    if (this.session) this.app.sessions.close(this.session, reason);
    this.session = undefined;
  }
}
