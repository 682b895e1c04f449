import type { FastifyPluginAsync } from "fastify";
import type { WebSocket } from "ws";
import { Value } from "@sinclair/typebox/value";
import { ClientMessage, RUN_ID_PATTERN } from "../../protocol/ws.js";
import { RunConnection } from "../run-socket/connection.js";
import { describeInvalid } from "../run-socket/describe-invalid.js";
import { RateLimiter } from "./rate-limiter.js";
import { RedisRateLimiter } from "./redis-rate-limiter.js";
import { clientKey } from "../client-key.js";

const MAX_CLIENT_MESSAGE_BYTES = 1024 * 1024;

/** WebSocket `/api/runs`: start and stop runs, stream their traces, present a classroom session. */
const runs: FastifyPluginAsync = async (app) => {
  const perMinute = app.supervisor.limits.RUNS_PER_CLIENT_PER_MINUTE;
  const limiter = app.redis ? new RedisRateLimiter(app.redis, "runs", perMinute, 60_000) : new RateLimiter(perMinute, 60_000);

  app.get("/api/runs", { websocket: true }, (socket: WebSocket, request) => {
    const client = clientKey(request);
    const connection = new RunConnection(app, socket, request.log, client);
    const leave = app.drain.join(connection);
    socket.on("message", (data: Buffer, isBinary: boolean) => {
      if (isBinary || data.length > MAX_CLIENT_MESSAGE_BYTES) return connection.fail("Messages must be JSON text of at most 1 MiB.");
      let message: unknown;
      try {
        message = JSON.parse(data.toString("utf8"));
      } catch {
        return connection.fail("That message is not valid JSON.");
      }
      if (!Value.Check(ClientMessage, message)) return connection.fail(describeInvalid(message), runIdOf(message));
      connection
        .handle(message, async () => limiter.allow(client))
        .catch((err: unknown) => {
          request.log.error(err, "run connection failed");
          connection.fail("Something went wrong on the server. The error has been logged.");
        });
    });
    socket.on("close", () => {
      leave();
      connection.closed();
    });
  });
};

/** The run id of an invalid message, when it has a usable one, so the client can show the error beside that run. */
function runIdOf(message: unknown): string | undefined {
  const runId = (message as { meta?: { runId?: unknown } })?.meta?.runId;
  return typeof runId === "string" && new RegExp(RUN_ID_PATTERN).test(runId) ? runId : undefined;
}

export default runs;
