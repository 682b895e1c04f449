import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { ApiError, Share, ShareCreated, ShareRequest, SHARE_ID_PATTERN } from "../../protocol/api.js";
import { defaultEntry, fileNameProblem, programProblem, MAX_PROGRAM_BYTES } from "../../protocol/files.js";
import { ShareStorageFull } from "../shares/shares.js";

const shares: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    "/api/shares",
    {
      bodyLimit: MAX_PROGRAM_BYTES * 2,
      config: {
        rateLimit: {
          max: app.serverLimits.SHARES_PER_ADDRESS_PER_MINUTE,
          timeWindow: 60_000,
          errorResponseBuilder: (_request, context) => ({
            statusCode: 429,
            error: "Too Many Requests",
            message: `You have shared ${context.max} programs in the last minute, the most this server takes from one address. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
          }),
        },
      },
      schema: { body: ShareRequest, response: { 201: ShareCreated, 400: ApiError, 413: ApiError, 415: ApiError, 429: ApiError, 507: ApiError } },
      preValidation: async (request) => {
        const badName = fileNameProblem((request.body as { files?: unknown } | undefined)?.files);
        if (badName) throw app.httpErrors.badRequest(badName);
      },
    },
    async (request, reply) => {
      const problem = programProblem(request.body);
      if (problem) throw app.httpErrors.badRequest(problem);
      try {
        const share = await app.shares.create(request.body.files, defaultEntry(request.body));
        return reply.code(201).send({ id: share.id, url: `/s/${share.id}` });
      } catch (err) {
        // A full store is the server's state, yet its sentence tells the user what to do: it is shown.
        if (err instanceof ShareStorageFull) throw app.httpErrors.createError(507, err.message, { expose: true });
        throw err;
      }
    },
  );

  app.get(
    "/api/shares/:id",
    {
      schema: { params: Type.Object({ id: Type.String({ pattern: SHARE_ID_PATTERN }) }), response: { 200: Share, 404: ApiError } },
    },
    async (request) => {
      const share = await app.shares.open(request.params.id);
      if (!share) throw app.httpErrors.notFound(`There is no shared program with id "${request.params.id}".`);
      return share;
    },
  );
};
export default shares;
