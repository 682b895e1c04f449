import fp from "fastify-plugin";
import { Supervisor } from "../sandbox/supervisor.js";
import { isLoopback, type AppConfig } from "../config.js";

declare module "fastify" {
  interface FastifyInstance {
    supervisor: Supervisor;
    /** Null when runs may go ahead, else the sentence that explains why no code runs on this server. */
    runRefusal: string | null;
  }
}

export default fp<{ config: AppConfig; supervisor?: Supervisor }>(
  async (app, { config, supervisor }) => {
    const instance = supervisor ?? (await Supervisor.create({ driver: config.sandbox, limits: config.limits }));
    const refusal = instance.driver.isolates
      ? null
      : !isLoopback(config.host)
        ? `This server listens on ${config.host} without a sandbox, so it does not run code. Install bubblewrap or listen on 127.0.0.1.`
        : // Without a private network a program could reach the database and Redis the nodes share, and forge their state.
          config.databaseUrl || config.redisUrl
          ? "This server shares PostgreSQL or Redis with other nodes and has no sandbox, so it does not run code. Install bubblewrap."
          : null;
    if (instance.warning) app.log.warn(instance.warning);
    app.decorate("supervisor", instance);
    app.decorate("runRefusal", refusal);
    app.addHook("onClose", async () => {
      if (!supervisor) await instance.close();
    });
  },
  { name: "supervisor" },
);
