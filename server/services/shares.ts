import fp from "fastify-plugin";
import { SqliteShareStore } from "../shares/sqlite-store.js";
import { PgShareStore } from "../shares/pg-store.js";
import { Shares } from "../shares/shares.js";
import type { ShareStore } from "../shares/store.js";
import type { AppConfig } from "../config.js";

declare module "fastify" {
  interface FastifyInstance {
    shares: Shares;
  }
}

/**
 * Shared programs: PostgreSQL when `DATABASE_URL` is set (every node shares it), else SQLite under the data
 * directory, unless another `ShareStore` is given.
 */
export default fp<{ config: AppConfig; store?: ShareStore }>(
  async (app, { config, store }) => {
    const chosen = store ?? (app.database ? new PgShareStore(app.database) : new SqliteShareStore(config.dataDir));
    const shares = new Shares(chosen, config.serverLimits);
    app.decorate("shares", shares);
    app.addHook("onClose", async () => shares.close());
  },
  { name: "shares", dependencies: ["database"] },
);
