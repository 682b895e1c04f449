import { describe, expect, it } from "vitest";
import { checkParam, defaultParams, ParamError, paramsFromQuery, resolveValue } from "./params.js";
import { parseTemplate, templateExpression } from "./template.js";
import { parseScenario } from "./loader.js";

const scenario = parseScenario(
  `title: Params
summary: A scenario with every kind of param.
params:
  rate: { label: Rate, type: number, default: 5, min: 1, max: 100 }
  topic: { label: Topic, type: string, default: "a", options: ["a", "b"] }
  loud: { label: Loud, type: boolean, default: false }
  duration: { label: Seconds, type: number, default: 10, min: 1, max: 60 }
actors:
  - name: talker
    socket: { type: PUB, bind: "inproc://x" }
    send: { rate: $rate, payload: "{$topic} {n}" }
  - name: listener
    socket: { type: SUB, connect: "inproc://x", subscribe: [$topic] }
    receive: {}
`,
  "scenarios/params.yaml",
);

describe("param values", () => {
  it("start at the defaults and take text values from a query string, typed by the param", () => {
    expect(defaultParams(scenario)).toEqual({ rate: 5, topic: "a", loud: false, duration: 10 });
    expect(paramsFromQuery(scenario, { rate: "20", topic: "b", loud: "true" })).toEqual({ rate: 20, topic: "b", loud: true, duration: 10 });
  });

  it.each([
    [{ rate: "0" }, 'The param "rate" must be at least 1.'],
    [{ rate: "" }, 'The param "rate" must be a number.'],
    [{ topic: "c" }, 'The param "topic" must be one of a, b.'],
    [{ loud: "yes" }, 'The param "loud" must be a boolean.'],
    [{ speed: "1" }, 'The scenario "params" has no param "speed"; it has rate, topic, loud, duration.'],
  ])("refuses %j", (query, message) => {
    expect(() => paramsFromQuery(scenario, query)).toThrow(new ParamError(message));
  });

  it("checks a live change the same way", () => {
    expect(checkParam(scenario, "rate", 50)).toBe(50);
    expect(() => checkParam(scenario, "rate", 500)).toThrow('The param "rate" must be at most 100.');
    expect(() => checkParam(scenario, "rate", "50")).toThrow('The param "rate" must be a number.');
  });

  it("replaces a $param reference by its value and leaves other values alone", () => {
    const values = { rate: 7, topic: "b" };
    expect(resolveValue("$rate", values)).toBe(7);
    expect(resolveValue("$topic", values)).toBe("b");
    expect(resolveValue(3, values)).toBe(3);
    expect(resolveValue("tcp://*:5555", values)).toBe("tcp://*:5555");
  });
});

describe("payload templates", () => {
  it("become template literals that read live params, the counter, the actor and random numbers", () => {
    const expr = (t: string) => templateExpression(parseTemplate(t));
    expect(expr("Hello")).toBe('"Hello"');
    expect(expr("Hello {n} from {actor}")).toBe("`Hello ${n} from ${actor.name}`");
    expect(expr("{rand:10000-99999} {rand:-20-40}")).toBe("`${randomInt(10000, 100000)} ${randomInt(-20, 41)}`");
    expect(expr("{$topic}: {request}")).toBe("`${params.topic}: ${request}`");
    expect(templateExpression(parseTemplate("{request} done"), { request: "task" })).toBe("`${task} done`");
  });

  it("escapes backticks and backslashes in the literal text, so the message is exactly the template", () => {
    const code = templateExpression(parseTemplate("a `b` \\ ${n}"));
    expect(code).toBe("`a \\`b\\` \\\\ $${n}`");
    expect(new Function("n", `return ${code};`)(7)).toBe("a `b` \\ $7");
  });

  it("refuses unknown placeholders and upside-down ranges", () => {
    expect(() => parseTemplate("{count}")).toThrow(/unknown placeholder \{count\}/);
    expect(() => parseTemplate("{rand:9-1}")).toThrow(/low end of the range is above the high end/);
  });
});
