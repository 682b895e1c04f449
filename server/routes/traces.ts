import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { ApiError } from "../../protocol/api.js";
import { programProblem } from "../../protocol/files.js";
import { SHARED_TRACE_ID_PATTERN, SharedTrace, SharedTraceCreated } from "../../protocol/sharedTrace.js";

const mib = (bytes: number) => `${Math.round((bytes / 1048576) * 10) / 10} MiB`;

/** A run's trace shared beside a program's link: stored as sent (validated event by event), served back by id. */
const traces: FastifyPluginAsyncTypebox = async (app) => {
  const { SHARED_TRACE_BYTES, TRACES_PER_ADDRESS_PER_MINUTE, TRACE_STORAGE_BYTES } = app.serverLimits;
  app.post(
    "/api/traces",
    {
      bodyLimit: SHARED_TRACE_BYTES,
      config: {
        // Counted in Redis when the app has one, so every node behind the proxy shares one count per address.
        rateLimit: {
          max: TRACES_PER_ADDRESS_PER_MINUTE,
          timeWindow: 60_000,
          errorResponseBuilder: (_request, context) => ({
            statusCode: 429,
            error: "Too Many Requests",
            message: `You have shared ${context.max} run traces in the last minute, the most this server takes from one address. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
          }),
        },
      },
      schema: { body: SharedTrace, response: { 201: SharedTraceCreated, 400: ApiError, 413: ApiError, 429: ApiError, 507: ApiError } },
      errorHandler: (err: Error & { code?: string }, request, reply) => {
        if (err.code !== "FST_ERR_CTP_BODY_TOO_LARGE") return app.errorHandler(err, request, reply);
        const sent = Number(request.headers["content-length"]);
        const size = Number.isFinite(sent) && sent > 0 ? `The last run's trace is ${mib(sent)}, over` : "The last run's trace is over";
        return reply.code(413).send({
          statusCode: 413,
          error: "Payload Too Large",
          message: `${size} the ${mib(SHARED_TRACE_BYTES)} a link can carry on this server. Share the program without its run, or a shorter run.`,
        });
      },
    },
    async (request, reply) => {
      const problem = programProblem(request.body);
      if (problem) return reply.code(400).send({ statusCode: 400, error: "Bad Request", message: problem });
      const bytes = Buffer.byteLength(JSON.stringify(request.body), "utf8");
      if ((await app.sharedTraces.usedBytes()) + bytes > TRACE_STORAGE_BYTES) {
        const message =
          "This server's storage for shared runs is full, so this run cannot be shared now; share the program without its run. Links already made still open; ask the server's operator to make room.";
        return reply.code(507).send({ statusCode: 507, error: "Insufficient Storage", message });
      }
      return reply.code(201).send({ id: await app.sharedTraces.insert(request.body) });
    },
  );

  app.get(
    "/api/traces/:id",
    { schema: { params: Type.Object({ id: Type.String({ pattern: SHARED_TRACE_ID_PATTERN }) }), response: { 200: SharedTrace, 404: ApiError } } },
    async (request, reply) => {
      const trace = await app.sharedTraces.get(request.params.id);
      if (!trace) return reply.code(404).send({ statusCode: 404, error: "Not Found", message: "This shared trace does not exist (any more)." });
      return trace;
    },
  );
};
export default traces;
