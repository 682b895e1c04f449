import fp from "fastify-plugin";
import { Drain } from "../cluster/drain.js";

declare module "fastify" {
  interface FastifyInstance {
    drain: Drain;
  }
}

const DRAINING = "This node is being replaced and takes no new connections; another node will answer.";

/**
 * A draining node answers new WebSocket handshakes with 503, which nginx passes on to the next node
 * (`proxy_next_upstream http_503`); plain requests (shares, lessons) are still served until the node exits.
 */
export default fp(
  async (app) => {
    const drain = new Drain();
    app.decorate("drain", drain);
    app.addHook("onRequest", async (request, reply) => {
      if (drain.accepting || !request.ws) return;
      return reply.code(503).header("connection", "close").send({ statusCode: 503, error: "Service Unavailable", message: DRAINING });
    });
  },
  { name: "drain", dependencies: [] },
);
