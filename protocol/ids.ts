import { Type } from "@sinclair/typebox";

/** Run ids are chosen by the client: short, URL-safe. */
export const RUN_ID_PATTERN = "^[A-Za-z0-9_-]{4,64}$";
/** A lesson's id: its folder name without the number (`hello-req-rep`); also its URL path segment. */
export const LESSON_ID_PATTERN = "^[a-z0-9-]{1,64}$";
export const LessonId = Type.String({ pattern: LESSON_ID_PATTERN });
