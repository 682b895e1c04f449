import fp from "fastify-plugin";
import { ShareStore } from "../shares/store.js";
import type { AppConfig } from "../config.js";

declare module "fastify" {
  interface FastifyInstance {
    shares: ShareStore;
  }
}

export default fp<{ config: AppConfig }>(async (app, { config }) => {
  const store = new ShareStore(config.dataDir);
  app.decorate("shares", store);
  app.addHook("onClose", async () => store.close());
}, { name: "shares" });
