import fp from "fastify-plugin";
import { DEFAULT_SCENARIOS_DIR, ScenarioCatalog } from "../scenarios/catalog.js";

declare module "fastify" {
  interface FastifyInstance {
    scenarios: ScenarioCatalog;
  }
}

/** Loads the classroom scenarios at start-up; a bad scenario stops the server with the file, line and field. */
export default fp<{ scenariosDir?: string }>(
  async (app, { scenariosDir }) => {
    app.decorate("scenarios", new ScenarioCatalog(scenariosDir ?? DEFAULT_SCENARIOS_DIR));
  },
  { name: "scenarios" },
);
