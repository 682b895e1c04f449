import type { FastifyPluginAsync } from "fastify";
import fastifyStatic from "@fastify/static";
import { existsSync } from "node:fs";
import { join } from "node:path";

/** The built web app; the app's own routes (share links, watching a session, a lesson) answer with its index.html. */
const web: FastifyPluginAsync<{ webDir?: string }> = async (app, { webDir }) => {
  if (!webDir || !existsSync(join(webDir, "index.html"))) {
    app.get("/", async (_req, reply) =>
      reply.code(503).type("text/plain").send("The web app is not built. Run `npm start`, which builds it, or `npm run build`."),
    );
    return;
  }
  await app.register(fastifyStatic, { root: webDir, wildcard: true });
  for (const path of ["/s/:id", "/watch/:code", "/lessons/:id"]) {
    app.get(path, async (_req, reply) => reply.type("text/html").sendFile("index.html"));
  }
};
export default web;
