import fp from "fastify-plugin";
import { LessonCatalog } from "../lessons/catalog.js";

declare module "fastify" {
  interface FastifyInstance {
    lessons: LessonCatalog;
  }
}

/** Loads the curriculum at start-up; bad lesson content stops the server with the file at fault. */
export default fp<{ lessonsDir: string }>(
  async (app, { lessonsDir }) => {
    app.decorate("lessons", new LessonCatalog(lessonsDir));
  },
  { name: "lessons" },
);
