import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { ApiError } from "../../protocol/api.js";
import { LessonId } from "../../protocol/ids.js";
import { Lesson, LessonSummary } from "../../protocol/lessons.js";

const lessons: FastifyPluginAsyncTypebox = async (app) => {
  app.get("/api/lessons", { schema: { response: { 200: Type.Array(LessonSummary) } } }, async () => app.lessons.list());

  app.get(
    "/api/lessons/:id",
    {
      schema: { params: Type.Object({ id: LessonId }), response: { 200: Lesson, 404: ApiError } },
    },
    async (request) => {
      const lesson = app.lessons.get(request.params.id);
      if (!lesson) throw app.httpErrors.notFound(`There is no lesson "${request.params.id}".`);
      return lesson;
    },
  );
};
export default lessons;
