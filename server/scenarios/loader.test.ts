import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadScenarios, parseScenario } from "./loader.js";

const GOOD = `title: Hello
summary: A client asks, a server answers.
params:
  rate: { label: Requests per second, type: number, default: 1, min: 1, max: 10 }
  duration: { label: Seconds, type: number, default: 5, min: 1, max: 60 }
actors:
  - name: server
    socket: { type: REP, bind: "tcp://*:5555" }
    reply: { payload: "World" }
  - name: client
    socket:
      type: REQ
      connect: tcp://127.0.0.1:5555
    request: { rate: $rate, payload: "Hello {n}" }
`;

const parse = (text: string, file = "scenarios/hello.yaml") => parseScenario(text, file);
const errorOf = (text: string) => {
  try {
    parse(text);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("the scenario was accepted");
};

describe("parseScenario", () => {
  it("accepts a good scenario and takes the id from the file name", () => {
    const scenario = parse(GOOD);
    expect(scenario.id).toBe("hello");
    expect(scenario.actors.map((a) => a.name)).toEqual(["server", "client"]);
  });

  it.each([
    ["invalid YAML", GOOD.replace("  - name: server", "  - name: server\n   bad: [1"), /^scenarios\/hello\.yaml:8: not valid YAML/],
    [
      "an unknown option",
      GOOD.replace("connect: tcp://127.0.0.1:5555", "connect: tcp://127.0.0.1:5555\n      options: { lingr: 0 }"),
      /^scenarios\/hello\.yaml:14: actors\[1\]\.socket\.options\.lingr: unknown field "lingr"$/,
    ],
    [
      "a rate that is neither number nor param",
      GOOD.replace("rate: $rate", "rate: fast"),
      /^scenarios\/hello\.yaml:14: actors\[1\]\.request\.rate: expected a number or a \$param reference, got "fast"$/,
    ],
    [
      "a missing payload",
      GOOD.replace('reply: { payload: "World" }', "reply: {}"),
      /^scenarios\/hello\.yaml:9: actors\[0\]\.reply\.payload: required field is missing$/,
    ],
    [
      "an unknown socket type",
      GOOD.replace("type: REQ", "type: REQQ"),
      /^scenarios\/hello\.yaml:12: actors\[1\]\.socket\.type: must be one of REQ, REP, .*got "REQQ"$/,
    ],
    [
      "an unknown param",
      GOOD.replace("rate: $rate", "rate: $speed"),
      /^scenarios\/hello\.yaml:14: actors\[1\]\.request\.rate: \$speed refers to no param; the params are rate, duration$/,
    ],
    [
      "a param of the wrong type",
      GOOD.replace("rate: { label: Requests per second, type: number, default: 1,", 'rate: { label: Requests per second, type: string, default: "1",').replace(
        " min: 1, max: 10 }",
        " }",
      ),
      /:14: actors\[1\]\.request\.rate: \$rate is a string param, but rate needs a number$/,
    ],
    [
      "a default out of range",
      GOOD.replace("default: 1, min: 1, max: 10", "default: 50, min: 1, max: 10"),
      /:4: params\.rate\.default: the default must be at most 10$/,
    ],
    ["no duration", GOOD.replace(/ {2}duration: .*\n/, ""), /:3: params: every scenario needs a number param `duration`/],
    [
      "a connect that reaches no bind",
      GOOD.replace("connect: tcp://127.0.0.1:5555", "connect: tcp://127.0.0.1:5599"),
      /:13: actors\[1\]\.socket\.connect: nothing binds tcp:\/\/127\.0\.0\.1:5599/,
    ],
    [
      "localhost",
      GOOD.replace("connect: tcp://127.0.0.1:5555", "connect: tcp://localhost:5555"),
      /:13: actors\[1\]\.socket\.connect: write tcp:\/\/127\.0\.0\.1 rather than localhost/,
    ],
    [
      "two behaviours",
      GOOD.replace('reply: { payload: "World" }', 'reply: { payload: "World" }\n    receive: {}'),
      /:7: actors\[0\]: the actor has reply and receive; give it exactly one behaviour$/,
    ],
    [
      "a socket kind the behaviour cannot use",
      GOOD.replace("type: REQ", "type: PUSH"),
      /:12: actors\[1\]\.socket\.type: a request actor's socket must be REQ, not PUSH$/,
    ],
    ["an unknown placeholder", GOOD.replace("Hello {n}", "Hello {count}"), /:14: actors\[1\]\.request\.payload: unknown placeholder \{count\}/],
    [
      "replicas on an actor that binds",
      GOOD.replace("  - name: server\n", "  - name: server\n    replicas: 2\n"),
      /:8: actors\[0\]\.replicas: replicas would all bind the same endpoint/,
    ],
    ["a duplicate actor name", GOOD.replace("name: client", "name: server"), /:10: actors\[1\]\.name: two actors are named "server"$/],
    ["an actor name that looks like a replica", GOOD.replace("name: client", "name: client-2"), /:10: actors\[1\]\.name: "client-2" is reserved/],
  ])("rejects %s, naming the file, line and field", (_what, text, expected) => {
    expect(errorOf(text)).toMatch(expected);
  });

  it("rejects a file name that cannot be an id", () => {
    expect(() => parse(GOOD, "scenarios/Hello World.yaml")).toThrow(/scenarios\/Hello World\.yaml:1: the file name "Hello World" must be lower-case/);
  });
});

describe("loadScenarios", () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("loads every YAML file in name order and fails on the first bad one with its path", () => {
    const root = mkdtempSync(join(tmpdir(), "zmq-wb-scenarios-"));
    dirs.push(root);
    writeFileSync(join(root, "b-second.yaml"), GOOD);
    writeFileSync(join(root, "a-first.yaml"), GOOD);
    writeFileSync(join(root, "notes.txt"), "not a scenario");
    expect(loadScenarios(root, root).map((s) => s.id)).toEqual(["a-first", "b-second"]);
    writeFileSync(join(root, "c-broken.yaml"), GOOD.replace("rate: $rate", "rate: $nope"));
    expect(() => loadScenarios(root, root)).toThrow(/^c-broken\.yaml:14: actors\[1\]\.request\.rate/);
  });

  it("lists scenarios in course order: by `order`, then the unordered ones by id", () => {
    const root = mkdtempSync(join(tmpdir(), "zmq-wb-scenarios-"));
    dirs.push(root);
    const withOrder = (n: number) => GOOD.replace(/^summary:.*$/m, (line) => `${line}\norder: ${n}`);
    writeFileSync(join(root, "a-unordered.yaml"), GOOD);
    writeFileSync(join(root, "b-second.yaml"), withOrder(2));
    writeFileSync(join(root, "c-first.yaml"), withOrder(1));
    expect(loadScenarios(root, root).map((s) => s.id)).toEqual(["c-first", "b-second", "a-unordered"]);
    writeFileSync(join(root, "d-bad.yaml"), withOrder(0));
    expect(() => loadScenarios(root, root)).toThrow(/^d-bad\.yaml:\d+: order/);
  });
});
