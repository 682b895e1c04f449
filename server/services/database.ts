import fp from "fastify-plugin";
import type pg from "pg";
import type { AppConfig } from "../config.js";
import { openDatabase } from "../shares/pg-database.js";

declare module "fastify" {
  interface FastifyInstance {
    /** The nodes' PostgreSQL when `DATABASE_URL` is set (shares, shared traces); undefined on one node. */
    database: pg.Pool | undefined;
  }
}

/** Connects and migrates before the node takes requests, so a wrong DATABASE_URL stops the start with a sentence. */
export default fp<{ config: AppConfig }>(
  async (app, { config }) => {
    if (!config.databaseUrl) return void app.decorate("database", undefined);
    const pool = await openDatabase(config.databaseUrl);
    app.decorate("database", pool);
    // The stores built on the pool never end it; the pool waits for any query still out before it ends.
    app.addHook("onClose", async () => pool.end());
  },
  { name: "database" },
);
