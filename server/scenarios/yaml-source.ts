import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";

export type Path = Array<string | number>;

/** A content error that names the file, the line and the field, e.g. `scenarios/x.yaml:12: actors[1].send.rate: …`. */
export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${field ? `${field}: ` : ""}${problem}`);
    this.name = "ScenarioError";
  }
}

/** A parsed YAML file that can say on which line a field (or its nearest existing parent) is written. */
export class YamlSource {
  readonly data: unknown;
  private readonly lines = new LineCounter();
  private readonly root: Node | null;

  constructor(
    readonly file: string,
    text: string,
  ) {
    const doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    const [first] = doc.errors;
    if (first) {
      const line = this.lines.linePos(first.pos[0]).line;
      throw new ScenarioError(file, line, "", `not valid YAML: ${first.message.split("\n")[0]}`);
    }
    this.root = doc.contents as Node | null;
    this.data = doc.toJS();
  }

  /** The error for `path` (a JSON pointer such as `/actors/1/send/rate`, or segments). */
  error(path: string | Path, problem: string): ScenarioError {
    const segments = typeof path === "string" ? fromPointer(path) : path;
    return new ScenarioError(this.file, this.lineOf(segments), fieldName(segments), problem);
  }

  lineOf(path: Path): number {
    let node: unknown = this.root;
    let offset = (this.root?.range?.[0] as number | undefined) ?? 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)] as Node | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else break;
    }
    return this.lines.linePos(offset).line;
  }
}

function fromPointer(pointer: string): Path {
  return pointer
    .split("/")
    .slice(1)
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `["actors", 1, "send", "rate"]` → `actors[1].send.rate`. */
export function fieldName(path: Path): string {
  return path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}
