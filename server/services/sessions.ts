import fp from "fastify-plugin";
import { SessionHub } from "../sessions/hub.js";
import { MemoryBus } from "../sessions/memory-bus.js";
import { RedisBus } from "../sessions/redis-bus.js";
import { newNodeName } from "../cluster/node-name.js";

declare module "fastify" {
  interface FastifyInstance {
    sessions: SessionHub;
  }
}

/** Classroom sessions in this process, or shared by every node through Redis when the app has one. */
export default fp(
  async (app) => {
    const node = app.clusterCounts?.node ?? newNodeName();
    const hub = app.redis
      ? new SessionHub(app.serverLimits, new RedisBus(node, app.redis), true, app.clusterCounts)
      : new SessionHub(app.serverLimits, new MemoryBus());
    app.decorate("sessions", hub);
    app.addHook("onClose", async () => hub.closeAll("The server is shutting down."));
  },
  { name: "sessions", dependencies: ["server-limits", "redis", "cluster-counts"] },
);
