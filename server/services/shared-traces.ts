import fp from "fastify-plugin";
import type { AppConfig } from "../config.js";
import type { SharedTraceStore } from "../shares/trace-store.js";
import { SqliteTraceStore } from "../shares/sqlite-trace-store.js";
import { PgTraceStore } from "../shares/pg-trace-store.js";

declare module "fastify" {
  interface FastifyInstance {
    sharedTraces: SharedTraceStore;
  }
}

/** Run traces shared beside a link: in PostgreSQL when `DATABASE_URL` is set, like shares, else in SQLite. */
export default fp<{ config: AppConfig }>(
  async (app, { config }) => {
    const store: SharedTraceStore = app.database ? new PgTraceStore(app.database) : new SqliteTraceStore(config.dataDir);
    app.decorate("sharedTraces", store);
    app.addHook("onClose", async () => store.close());
  },
  { name: "shared-traces", dependencies: ["database"] },
);
