import type { FastifyPluginAsync } from "fastify";
import type { WebSocket } from "ws";
import { Value } from "@sinclair/typebox/value";
import { ClientMessage, StartRun, StopRun, type ServerMessage } from "../../protocol/ws.js";
import type { TraceEvent } from "../../protocol/trace.js";
import { RunRefused, type RunTicket } from "../sandbox/supervisor.js";
import { EventBatcher } from "./event-batcher.js";
import { RateLimiter } from "./rate-limiter.js";

const MAX_CLIENT_MESSAGE_BYTES = 1024 * 1024;

/** WebSocket `/api/runs`: start and stop runs, stream their traces. Closing the socket stops its runs. */
const runs: FastifyPluginAsync = async (app) => {
  const limiter = new RateLimiter(app.supervisor.limits.RUNS_PER_CLIENT_PER_MINUTE, 60_000);

  app.get("/api/runs", { websocket: true }, (socket: WebSocket, request) => {
    const tickets = new Map<string, RunTicket>();
    const send = (message: ServerMessage) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    const fail = (message: string, runId?: string) => send({ type: "error", payload: { message }, meta: runId ? { runId } : {} });

    socket.on("message", async (data: Buffer, isBinary: boolean) => {
      if (isBinary || data.length > MAX_CLIENT_MESSAGE_BYTES) return fail("Messages must be JSON text of at most 1 MiB.");
      let message: unknown;
      try {
        message = JSON.parse(data.toString("utf8"));
      } catch {
        return fail("That message is not valid JSON.");
      }
      if (!Value.Check(ClientMessage, message)) return fail(describeInvalid(message));
      const { runId } = message.meta;
      if (message.type === "run/stop") return tickets.get(runId)?.stop("stop");
      if (tickets.has(runId)) return fail(`A run with id ${runId} already exists on this connection.`, runId);
      if (app.runRefusal) return fail(app.runRefusal, runId);
      if (!limiter.allow(request.ip)) return fail("You are starting runs too quickly. Wait a few seconds and try again.", runId);
      const { lessonId } = message.payload;
      if (lessonId && !app.lessons.get(lessonId)) return fail(`There is no lesson "${lessonId}" to check against.`, runId);
      const batcher = new EventBatcher((events) => send({ type: "trace", payload: { events }, meta: { runId } }), () => socket.bufferedAmount);
      const recorded: TraceEvent[] = [];
      try {
        const ticket = await app.supervisor.submit(
          { runId, files: message.payload.files, entry: message.payload.entry, timeoutMs: message.payload.timeoutMs },
          (events) => {
            if (lessonId) recorded.push(...events);
            batcher.push(events);
          },
          (position) => send({ type: "run/queued", payload: { position }, meta: { runId } }),
        );
        tickets.set(runId, ticket);
        void ticket.done.then(async () => {
          tickets.delete(runId);
          if (!lessonId) return;
          try {
            send({ type: "check/result", payload: await app.lessons.judge(lessonId, recorded), meta: { runId } });
          } catch (err) {
            request.log.error(err, "lesson check failed");
            fail("The lesson's check could not judge this run; the problem has been logged.", runId);
          }
        });
      } catch (err) {
        if (err instanceof RunRefused) return fail(err.message, runId);
        throw err;
      }
    });
    socket.on("close", () => {
      for (const ticket of tickets.values()) ticket.stop("client-gone");
    });
  });
};

function describeInvalid(message: unknown): string {
  const type = (message as { type?: unknown })?.type;
  if (type !== "run/start" && type !== "run/stop") return `Unknown message type ${JSON.stringify(type)}; expected "run/start" or "run/stop".`;
  const first = Value.Errors(type === "run/start" ? StartRun : StopRun, message).First();
  return first ? `Invalid ${type} message at ${first.path || "/"}: ${first.message}.` : `Invalid ${type} message.`;
}

export default runs;
