import { Type, type Static } from "@sinclair/typebox";
import { ProgramFiles } from "./files.js";

/** The topology a lesson asks for, drawn next to the live graph; `check` names the assertion that proves a part. */
export const GoalSocket = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    kind: Type.String({ minLength: 2 }),
    label: Type.Optional(Type.String()),
    check: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export const GoalLink = Type.Object(
  {
    from: Type.String({ minLength: 1 }),
    to: Type.String({ minLength: 1 }),
    label: Type.Optional(Type.String()),
    check: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export const LessonGoal = Type.Object(
  {
    sockets: Type.Array(GoalSocket, { minItems: 1, maxItems: 12 }),
    links: Type.Array(GoalLink, { maxItems: 16 }),
  },
  { additionalProperties: false },
);
export type LessonGoal = Static<typeof LessonGoal>;

export const LessonSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  part: Type.String({ description: "the part's title, e.g. Basics" }),
  partNumber: Type.Integer(),
  number: Type.Integer({ description: "position within the part" }),
  summary: Type.String(),
  minutes: Type.Integer(),
  concepts: Type.Array(Type.String(), { description: "ideas of the source documents this lesson teaches" }),
  scenario: Type.Optional(Type.String()),
});
export type LessonSummary = Static<typeof LessonSummary>;

export const Lesson = Type.Composite([
  LessonSummary,
  Type.Object({
    objectives: Type.Array(Type.String()),
    /** Markdown prose. */
    body: Type.String(),
    hints: Type.Array(Type.String()),
    entry: Type.String(),
    starter: ProgramFiles,
    solution: ProgramFiles,
    next: Type.Optional(Type.String()),
    goal: Type.Optional(LessonGoal),
  }),
]);
export type Lesson = Static<typeof Lesson>;

export const Assertion = Type.Object({
  name: Type.String(),
  passed: Type.Boolean(),
  /** What was seen, as a sentence: why it passed or what to change. */
  message: Type.String(),
});
export type Assertion = Static<typeof Assertion>;

export const CheckResult = Type.Object({
  lessonId: Type.String(),
  status: Type.Union([Type.Literal("pass"), Type.Literal("fail")]),
  assertions: Type.Array(Assertion),
  /** The run's verdict sentence, so a crash is explained next to the check. */
  run: Type.String(),
});
export type CheckResult = Static<typeof CheckResult>;
