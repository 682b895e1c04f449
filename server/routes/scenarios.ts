import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { ApiError } from "../../protocol/api.js";
import { PARAM_NAME_PATTERN, Scenario, ScenarioProgram, ScenarioSummary, SCENARIO_ID_PATTERN } from "../../protocol/scenarios.js";
import { ParamError } from "../scenarios/params.js";

const Params = Type.Object({ id: Type.String({ pattern: SCENARIO_ID_PATTERN, maxLength: 64 }) });
/** Param values as text, e.g. `?rate=20&workers=3`; each is checked against the scenario's own ranges. */
const ParamQuery = Type.Record(Type.String({ pattern: PARAM_NAME_PATTERN }), Type.String({ maxLength: 200 }));

const scenarios: FastifyPluginAsyncTypebox = async (app) => {
  const notFound = (id: string) => ({ statusCode: 404, error: "Not Found", message: `There is no scenario "${id}".` });

  app.get("/api/scenarios", { schema: { response: { 200: Type.Array(ScenarioSummary) } } }, async () => app.scenarios.list());

  app.get("/api/scenarios/:id", { schema: { params: Params, response: { 200: Scenario, 404: ApiError } } }, async (request, reply) => {
    return app.scenarios.get(request.params.id) ?? reply.code(404).send(notFound(request.params.id));
  });

  app.get(
    "/api/scenarios/:id/program",
    {
      schema: { params: Params, querystring: ParamQuery, response: { 200: ScenarioProgram, 400: ApiError, 404: ApiError } },
    },
    async (request, reply) => {
      try {
        return app.scenarios.program(request.params.id, request.query) ?? reply.code(404).send(notFound(request.params.id));
      } catch (err) {
        if (!(err instanceof ParamError)) throw err;
        return reply.code(400).send({ statusCode: 400, error: "Bad Request", message: err.message });
      }
    },
  );
};
export default scenarios;
