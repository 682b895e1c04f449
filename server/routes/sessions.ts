import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { WebSocket } from "ws";
import { ApiError } from "../../protocol/api.js";
import { SessionCode, SESSION_CODE_PATTERN } from "../../protocol/session.js";
import type { ServerMessage } from "../../protocol/ws.js";
import { clientKey } from "../client-key.js";
import { JoinGuard, type JoinMisses } from "../sessions/join-guard.js";
import { RedisJoinGuard } from "../sessions/redis-join-guard.js";
import { seatsTakenSentence } from "../sessions/spectators.js";
import { Ping, pongFor } from "../../protocol/heartbeat.js";
import { Value } from "@sinclair/typebox/value";

/** A spectator's heartbeat ping; anything else a spectator sends is refused. Pings are tiny, so larger frames are not parsed. */
function heartbeatPing(data: Buffer): Ping | undefined {
  if (data.length > 200) return undefined;
  try {
    const message: unknown = JSON.parse(data.toString("utf8"));
    return Value.Check(Ping, message) ? message : undefined;
  } catch {
    return undefined;
  }
}

const CodeParams = Type.Object({ code: Type.String({ pattern: "^[A-Za-z0-9]{6}$" }) });
const codeRe = new RegExp(SESSION_CODE_PATTERN);
const unknownCode = (code: string) => `No session has the code ${code}. Check the code on the presenter's screen.`;

/** Spectators: look a session up by its join code, then watch it read-only over a WebSocket. */
const sessions: FastifyPluginAsyncTypebox = async (app) => {
  const missesPerMinute = app.serverLimits.JOIN_MISSES_PER_ADDRESS_PER_MINUTE;
  // With several nodes, one count per address for all of them: a guesser gets no more tries by spreading out.
  const guard: JoinMisses = app.redis ? new RedisJoinGuard(app.redis, missesPerMinute) : new JoinGuard(missesPerMinute);

  app.get(
    "/api/sessions/:code",
    {
      schema: {
        params: CodeParams,
        response: { 200: Type.Object({ code: SessionCode, spectators: Type.Integer(), running: Type.Boolean() }), 404: ApiError, 429: ApiError },
      },
    },
    async (request, reply) => {
      const key = clientKey(request);
      const wait = await guard.waitSeconds(key);
      if (wait > 0)
        return reply
          .code(429)
          .header("retry-after", String(wait))
          .send({ statusCode: 429, error: "Too Many Requests", message: guard.refusal(wait) });
      const session = await app.sessions.get(request.params.code);
      if (!session) {
        await guard.miss(key);
        return reply.code(404).send({ statusCode: 404, error: "Not Found", message: unknownCode(request.params.code.toUpperCase()) });
      }
      const answer = { code: session.code, spectators: session.spectatorCount, running: session.currentRunId !== undefined };
      app.sessions.release(session);
      return answer;
    },
  );

  app.get("/api/sessions/:code/watch", { websocket: true }, async (socket: WebSocket, request) => {
    const code = String((request.params as { code?: string }).code ?? "").toUpperCase();
    const refuse = (reason: string, why: string) => {
      socket.send(JSON.stringify({ type: "session/ended", payload: { reason }, meta: {} } satisfies ServerMessage));
      socket.close(1000, why);
    };
    const key = clientKey(request);
    const wait = await guard.waitSeconds(key);
    if (wait > 0) return refuse(guard.refusal(wait), "too many unknown codes");
    const session = codeRe.test(code) ? await app.sessions.get(code) : undefined;
    if (!session) {
      await guard.miss(key);
      return refuse(unknownCode(code), "unknown session");
    }
    // The browser may have gone while the session was looked up on the other nodes.
    if (socket.readyState !== socket.OPEN) return app.sessions.release(session);
    const full = session.joinRefusal(key);
    if (full) {
      app.sessions.release(session);
      return refuse(full, "no seat");
    }
    // With several nodes, the seats this address takes in this session on every node together.
    const seat = await app.clusterCounts?.take(`seats:${session.code}`, key, app.serverLimits.SPECTATORS_PER_ADDRESS);
    if (seat && !seat.ok) {
      app.sessions.release(session);
      return refuse(seatsTakenSentence(app.serverLimits.SPECTATORS_PER_ADDRESS), "no seat");
    }
    if (seat?.ok) {
      if (socket.readyState !== socket.OPEN) {
        seat.release();
        return app.sessions.release(session);
      }
      socket.once("close", seat.release);
    }
    session.join(socket, key);
    socket.on("message", (data: Buffer, isBinary: boolean) => {
      const ping = isBinary ? undefined : heartbeatPing(data);
      const answer: ServerMessage = ping
        ? pongFor(ping)
        : { type: "error", payload: { message: "Spectators watch read-only; only the presenter controls the run." }, meta: {} };
      socket.send(JSON.stringify(answer));
    });
  });
};
export default sessions;
