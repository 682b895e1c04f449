import fp from "fastify-plugin";
import { SessionHub } from "../sessions/hub.js";

declare module "fastify" {
  interface FastifyInstance {
    sessions: SessionHub;
  }
}

export default fp(async (app) => {
  const hub = new SessionHub(app.serverLimits);
  app.decorate("sessions", hub);
  app.addHook("onClose", async () => hub.closeAll("The server is shutting down."));
}, { name: "sessions", dependencies: ["server-limits"] });
