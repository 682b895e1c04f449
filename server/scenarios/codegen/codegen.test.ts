import { describe, expect, it } from "vitest";
import { transpileProgram } from "../../sandbox/transpile.js";
import ts from "typescript";
import { join } from "node:path";
import { REPO_ROOT } from "../../paths.js";
import { loadScenarios, parseScenario } from "../loader.js";
import { defaultParams } from "../params.js";
import { scenarioToProgram } from "./program.js";

const scenarios = loadScenarios(join(REPO_ROOT, "scenarios"));
const programs = scenarios.map((s) => ({ id: s.id, program: scenarioToProgram(s, defaultParams(s)) }));

/** A small scenario that uses every kind of generated code path the snapshot should pin down. */
const FIXTURE = parseScenario(
  `title: Fixture
summary: Two actors and a device, to pin down the generated code.
params:
  rate: { label: Rate, type: number, default: 5, min: 1, max: 100 }
  topic: { label: Topic, type: string, default: "a" }
  duration: { label: Seconds, type: number, default: 10, min: 1, max: 60 }
actors:
  - name: proxy
    sockets:
      frontend: { type: XSUB, bind: "inproc://in" }
      backend: { type: XPUB, bind: "inproc://out" }
      capture: { type: PUB, bind: "inproc://capture" }
    device: { type: forwarder }
  - name: talker
    about: Talks.
    replicas: 2
    socket: { type: PUB, connect: "inproc://in", options: { sendHighWaterMark: 10 } }
    send: { rate: $rate, payload: "{$topic} {rand:1-6} {n}" }
  - name: listener
    startAfterMs: 100
    socket: { type: SUB, connect: "inproc://out", subscribe: [$topic] }
    receive: { print: first, gaps: true }
`,
  "scenarios/fixture.yaml",
);

describe("scenarioToProgram", () => {
  it("generates main.ts, params.ts, one file per actor and the workbench runtime", () => {
    const { files, entry } = scenarioToProgram(FIXTURE, defaultParams(FIXTURE));
    expect(entry).toBe("main.ts");
    expect(Object.keys(files).sort()).toEqual([
      "listener.ts",
      "main.ts",
      "params.ts",
      "proxy.ts",
      "talker.ts",
      "workbench/actor.ts",
      "workbench/actors.ts",
      "workbench/control.ts",
      "workbench/globals.ts",
    ]);
  });

  it("is stable: the same scenario and values give the same files, as pinned by the snapshot", () => {
    const values = { ...defaultParams(FIXTURE), rate: 20 };
    const first = scenarioToProgram(FIXTURE, values);
    expect(scenarioToProgram(FIXTURE, values)).toEqual(first);
    for (const name of ["main.ts", "params.ts", "proxy.ts", "talker.ts", "listener.ts"]) expect(first.files[name]).toMatchSnapshot(name);
  });

  it("puts the values asked for into params.ts and reads params live everywhere a $param was written", () => {
    const { files, timeoutMs } = scenarioToProgram(FIXTURE, { rate: 42, topic: "news", duration: 3 });
    expect(files["params.ts"]).toContain("  rate: 42, // Rate (1 to 100)");
    expect(files["params.ts"]).toContain('  topic: "news", // Topic');
    expect(files["talker.ts"]).toContain("actor.every(() => 1000 / params.rate)");
    expect(files["listener.ts"]).toContain("subscriber.subscribe(params.topic);");
    expect(timeoutMs).toBe(65_000);
  });

  it("compiles every file of every scenario with esbuild, as the sandbox does", async () => {
    for (const { id, program } of programs) {
      for (const [name, source] of Object.entries(program.files)) {
        await expect(transpileProgram({ [name]: source }), `${id}/${name}`).resolves.toHaveProperty([name]);
      }
    }
  });

  it("type-checks every scenario's program under strict TypeScript with the real zeromq typings", () => {
    const root = join(REPO_ROOT, ".scenario-typecheck");
    const virtual = new Map<string, string>();
    for (const { id, program } of [...programs, { id: "fixture", program: scenarioToProgram(FIXTURE, defaultParams(FIXTURE)) }]) {
      for (const [name, source] of Object.entries(program.files)) virtual.set(join(root, id, name), source);
    }
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ["node"],
      skipLibCheck: true,
      noUnusedLocals: true,
      typeRoots: [join(REPO_ROOT, "node_modules/@types")],
    };
    const host = ts.createCompilerHost(options);
    const { getSourceFile, fileExists, readFile, directoryExists } = host;
    host.directoryExists = (d) => d.startsWith(root) || (directoryExists?.(d) ?? false);
    host.fileExists = (f) => virtual.has(f) || f === join(root, "package.json") || fileExists(f);
    host.readFile = (f) => virtual.get(f) ?? (f === join(root, "package.json") ? '{ "type": "module" }' : readFile(f));
    host.getSourceFile = (f, lang, ...rest) => (virtual.has(f) ? ts.createSourceFile(f, virtual.get(f)!, lang) : getSourceFile(f, lang, ...rest));
    const program = ts.createProgram(
      [...virtual.keys()].filter((f) => f.endsWith("main.ts")),
      options,
      host,
    );
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${d.file.fileName.slice(root.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : "";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(problems).toEqual([]);
  }, 30_000);
});
