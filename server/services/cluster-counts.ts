import fp from "fastify-plugin";
import { ClusterCounts } from "../cluster/address-counts.js";
import { newNodeName } from "../cluster/node-name.js";

declare module "fastify" {
  interface FastifyInstance {
    /**
     * With Redis, per-address counts summed over every node (runs, sessions presented, seats taken), checked on
     * top of this node's own; undefined on one node, where the node's own counts are the whole story.
     */
    clusterCounts: ClusterCounts | undefined;
  }
}

export default fp(
  async (app) => {
    if (!app.redis) return void app.decorate("clusterCounts", undefined);
    const counts = await ClusterCounts.start(app.redis, newNodeName(), app.serverLimits.NODE_SILENT_MS);
    app.decorate("clusterCounts", counts);
    app.addHook("onClose", async () => counts.close());
  },
  { name: "cluster-counts", dependencies: ["redis", "server-limits"] },
);
