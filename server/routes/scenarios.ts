import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { ApiError } from "../../protocol/api.js";
import { PARAM_NAME_PATTERN, Scenario, ScenarioProgram, ScenarioSummary, SCENARIO_ID_PATTERN } from "../../protocol/scenarios.js";
import { ParamError } from "../scenarios/params.js";

const Params = Type.Object({ id: Type.String({ pattern: SCENARIO_ID_PATTERN, maxLength: 64 }) });
/** Param values as text, e.g. `?rate=20&workers=3`; each is checked against the scenario's own ranges. */
const ParamQuery = Type.Record(Type.String({ pattern: PARAM_NAME_PATTERN }), Type.String({ maxLength: 200 }));

const scenarios: FastifyPluginAsyncTypebox = async (app) => {
  const notFound = (id: string) => app.httpErrors.notFound(`There is no scenario "${id}".`);

  app.get("/api/scenarios", { schema: { response: { 200: Type.Array(ScenarioSummary) } } }, async () => app.scenarios.list());

  app.get("/api/scenarios/:id", { schema: { params: Params, response: { 200: Scenario, 404: ApiError } } }, async (request) => {
    const scenario = app.scenarios.get(request.params.id);
    if (!scenario) throw notFound(request.params.id);
    return scenario;
  });

  app.get(
    "/api/scenarios/:id/program",
    {
      schema: { params: Params, querystring: ParamQuery, response: { 200: ScenarioProgram, 400: ApiError, 404: ApiError } },
    },
    async (request) => {
      let program: ScenarioProgram | undefined;
      try {
        program = app.scenarios.program(request.params.id, request.query);
      } catch (err) {
        throw err instanceof ParamError ? app.httpErrors.badRequest(err.message) : err;
      }
      if (!program) throw notFound(request.params.id);
      return program;
    },
  );
};
export default scenarios;
