import fp from "fastify-plugin";
import { SqliteShareStore } from "../shares/sqlite-store.js";
import { Shares } from "../shares/shares.js";
import type { ShareStore } from "../shares/store.js";
import type { AppConfig } from "../config.js";

declare module "fastify" {
  interface FastifyInstance {
    shares: Shares;
  }
}

/** Shared programs: the SQLite store under the data directory unless another `ShareStore` is given. */
export default fp<{ config: AppConfig; store?: ShareStore }>(async (app, { config, store }) => {
  const shares = new Shares(store ?? new SqliteShareStore(config.dataDir), config.serverLimits);
  app.decorate("shares", shares);
  app.addHook("onClose", async () => shares.close());
}, { name: "shares" });
