import fp from "fastify-plugin";
import type { AppConfig } from "../config.js";
import { SharedTraceStore } from "../shares/trace-store.js";

declare module "fastify" {
  interface FastifyInstance {
    sharedTraces: SharedTraceStore;
  }
}

export default fp<{ config: AppConfig }>(
  async (app, { config }) => {
    const store = new SharedTraceStore(config.dataDir);
    app.decorate("sharedTraces", store);
    app.addHook("onClose", async () => store.close());
  },
  { name: "shared-traces" },
);
