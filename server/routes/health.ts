import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Health } from "../../protocol/api.js";
import { VERSION } from "../version.js";

const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get("/api/health", { schema: { response: { 200: Health } } }, async () => {
    const warning = app.runRefusal ?? app.supervisor.warning;
    return {
      ok: true,
      sandbox: app.supervisor.driver.name,
      version: VERSION,
      acceptingRuns: app.runRefusal === null && app.drain.accepting,
      runs: app.supervisor.runningCount + app.supervisor.queuedCount,
      ...(warning ? { warning } : {}),
    };
  });
};
export default health;
