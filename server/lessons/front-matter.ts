import { parse } from "yaml";
import { Type, type Static } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { LessonGoal } from "../../protocol/lessons.js";

export const LessonFrontMatter = Type.Object(
  {
    title: Type.String({ minLength: 3 }),
    summary: Type.String({ minLength: 10 }),
    objectives: Type.Array(Type.String(), { minItems: 1 }),
    minutes: Type.Integer({ minimum: 1, maximum: 120 }),
    concepts: Type.Array(Type.String(), { default: [] }),
    hints: Type.Array(Type.String(), { minItems: 1 }),
    entry: Type.Optional(Type.String()),
    scenario: Type.Optional(Type.String()),
    goal: Type.Optional(LessonGoal),
  },
  { additionalProperties: false },
);
export type LessonFrontMatter = Static<typeof LessonFrontMatter>;

export const PartFrontMatter = Type.Object({ title: Type.String({ minLength: 3 }) }, { additionalProperties: false });

/** Splits `---\nyaml\n---\nbody`, validates the YAML against `schema`; throws a sentence naming the file and field. */
export function readFrontMatter<T>(schema: Parameters<typeof Value.Check>[0], text: string, file: string): { data: T; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${file}: must start with front matter between --- lines`);
  let data: unknown;
  try {
    data = parse(m[1]);
  } catch (err) {
    throw new Error(`${file}: front matter is not valid YAML: ${(err as Error).message}`);
  }
  const withDefaults = Value.Default(schema, data);
  const first = Value.Errors(schema, withDefaults).First();
  if (first) throw new Error(`${file}: front matter ${first.path || "/"}: ${first.message}`);
  return { data: withDefaults as T, body: m[2].trim() };
}

/** `alternatives/<name>/README.md`: another correct solution, in another style; it must pass the check. */
export const AlternativeFrontMatter = Type.Object({ about: Type.String({ minLength: 10 }) }, { additionalProperties: false });
/** `cheats/<name>/README.md`: a program that fakes the task; the check must fail it on the assertion `fails`. */
export const CheatFrontMatter = Type.Object(
  {
    about: Type.String({ minLength: 10 }),
    fails: Type.String({ minLength: 3, description: "the name of the assertion that must fail" }),
  },
  { additionalProperties: false },
);
