import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { WebSocket } from "ws";
import { ApiError } from "../../protocol/api.js";
import { SessionCode, SESSION_CODE_PATTERN } from "../../protocol/session.js";
import type { ServerMessage } from "../../protocol/ws.js";

const CodeParams = Type.Object({ code: Type.String({ pattern: "^[A-Za-z0-9]{6}$" }) });
const codeRe = new RegExp(SESSION_CODE_PATTERN);

/** Spectators: look a session up by its join code, then watch it read-only over a WebSocket. */
const sessions: FastifyPluginAsyncTypebox = async (app) => {
  app.get("/api/sessions/:code", {
    schema: {
      params: CodeParams,
      response: { 200: Type.Object({ code: SessionCode, spectators: Type.Integer(), running: Type.Boolean() }), 404: ApiError },
    },
  }, async (request, reply) => {
    const session = await app.sessions.get(request.params.code);
    if (!session) return reply.code(404).send({ statusCode: 404, error: "Not Found", message: `No session has the code ${request.params.code.toUpperCase()}. Check the code on the presenter's screen.` });
    const answer = { code: session.code, spectators: session.spectatorCount, running: session.currentRunId !== undefined };
    app.sessions.release(session);
    return answer;
  });

  app.get("/api/sessions/:code/watch", { websocket: true }, async (socket: WebSocket, request) => {
    const code = String((request.params as { code?: string }).code ?? "").toUpperCase();
    const send = (m: ServerMessage) => socket.send(JSON.stringify(m));
    const session = codeRe.test(code) ? await app.sessions.get(code) : undefined;
    if (!session) {
      send({ type: "session/ended", payload: { reason: `No session has the code ${code}. Check the code on the presenter's screen.` }, meta: {} });
      return socket.close(1000, "unknown session");
    }
    if (socket.readyState !== socket.OPEN) return app.sessions.release(session);
    if (!session.join(socket)) {
      app.sessions.release(session);
      send({ type: "session/ended", payload: { reason: "This session is full." }, meta: {} });
      return socket.close(1000, "session full");
    }
    socket.on("message", () => send({ type: "error", payload: { message: "Spectators watch read-only; only the presenter controls the run." }, meta: {} }));
  });
};
export default sessions;
