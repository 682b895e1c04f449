import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { ApiError } from "../../protocol/api.js";
import { programProblem } from "../../protocol/files.js";
import { MAX_SHARED_TRACE_BYTES, SHARED_TRACE_ID_PATTERN, SharedTrace, SharedTraceCreated } from "../../protocol/sharedTrace.js";

/** A run's trace shared beside a program's link: stored as sent (validated event by event), served back by id. */
const traces: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    "/api/traces",
    {
      bodyLimit: MAX_SHARED_TRACE_BYTES,
      schema: { body: SharedTrace, response: { 201: SharedTraceCreated, 400: ApiError, 413: ApiError } },
    },
    async (request, reply) => {
      const problem = programProblem(request.body);
      if (problem) throw app.httpErrors.badRequest(problem);
      return reply.code(201).send({ id: app.sharedTraces.create(request.body) });
    },
  );

  app.get(
    "/api/traces/:id",
    { schema: { params: Type.Object({ id: Type.String({ pattern: SHARED_TRACE_ID_PATTERN }) }), response: { 200: SharedTrace, 404: ApiError } } },
    async (request) => {
      const trace = app.sharedTraces.get(request.params.id);
      if (!trace) throw app.httpErrors.notFound("This shared trace does not exist (any more).");
      return trace;
    },
  );
};
export default traces;
