import fp from "fastify-plugin";
import type { ShareStore } from "../shares/store.js";
import { SqliteShareStore } from "../shares/sqlite-store.js";
import { PgShareStore } from "../shares/pg-store.js";
import type { AppConfig } from "../config.js";

declare module "fastify" {
  interface FastifyInstance {
    shares: ShareStore;
  }
}

/** PostgreSQL when `DATABASE_URL` is set (several nodes share it), else SQLite in the data directory. */
export default fp<{ config: AppConfig }>(async (app, { config }) => {
  const store: ShareStore = config.databaseUrl ? await PgShareStore.open(config.databaseUrl) : new SqliteShareStore(config.dataDir);
  app.decorate("shares", store);
  app.addHook("onClose", async () => store.close());
}, { name: "shares" });
