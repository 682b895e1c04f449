/**
 * Payload templates: `Hello {n} from {actor}`, `{rand:10000-99999} {rand:-20-40}`, `{$zip}`, `{request} done`.
 * {n} counts this actor's messages from 1, {actor} is its name (worker-2), {request} the message it answers.
 */
export type TemplatePart =
  | { kind: "text"; text: string }
  | { kind: "n" }
  | { kind: "actor" }
  | { kind: "request" }
  | { kind: "rand"; low: number; high: number }
  | { kind: "param"; name: string };

const PLACEHOLDER = /\{([^{}]*)\}/g;
const RAND = /^rand:(-?\d+)-(-?\d+)$/;
const PARAM = /^\$([a-z][a-zA-Z0-9]{0,31})$/;

/** Splits a template into parts; throws a sentence about the first placeholder it does not know. */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push({ kind: "text", text: template.slice(last, match.index) });
    parts.push(placeholder(match[1]));
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ kind: "text", text: template.slice(last) });
  return parts;
}

function placeholder(inner: string): TemplatePart {
  if (inner === "n" || inner === "actor" || inner === "request") return { kind: inner };
  const rand = RAND.exec(inner);
  if (rand) {
    const [low, high] = [Number(rand[1]), Number(rand[2])];
    if (low > high) throw new Error(`{${inner}}: the low end of the range is above the high end`);
    return { kind: "rand", low, high };
  }
  const param = PARAM.exec(inner);
  if (param) return { kind: "param", name: param[1] };
  throw new Error(`unknown placeholder {${inner}}; use {n}, {actor}, {request}, {rand:LOW-HIGH} or {$param}`);
}

/** The parts as a TypeScript expression: a template literal, or a plain string when nothing varies. */
export function templateExpression(parts: TemplatePart[], names: { request?: string } = {}): string {
  if (parts.every((p) => p.kind === "text")) return JSON.stringify(parts.map((p) => (p as { text: string }).text).join(""));
  const body = parts.map((p) => {
    switch (p.kind) {
      case "text":
        return p.text.replace(/[`\\]|\$\{/g, (m) => `\\${m}`);
      case "n":
        return "${n}";
      case "actor":
        return "${actor.name}";
      case "request":
        return `\${${names.request ?? "request"}}`;
      case "rand":
        return `\${randomInt(${p.low}, ${p.high + 1})}`;
      case "param":
        return `\${params.${p.name}}`;
    }
  });
  return `\`${body.join("")}\``;
}

export const usesCounter = (parts: TemplatePart[]) => parts.some((p) => p.kind === "n");
