/**
 * The real @types/node for the editor, loaded after Monaco in chunks of their own so the first page stays small.
 * Monaco bundles TypeScript 5.4, so the package's `ts5.6/` variants replace the top-level files they shadow,
 * as its typesVersions says.
 */
const NODE_ROOT = "file:///node_modules/@types/node";
const SHADOWED_FOR_OLD_TS = new Set(["buffer.buffer.d.ts", "globals.typedarray.d.ts", "index.d.ts"]);

const files = import.meta.glob<string>("../../../node_modules/@types/node/**/*.d.ts", { query: "?raw", import: "default" });

/** Each node type file as [path inside the package, loader], with the TypeScript 5.4 variants chosen. */
export function nodeTypeFiles(): Array<[string, () => Promise<string>]> {
  const chosen: Array<[string, () => Promise<string>]> = [];
  for (const [key, load] of Object.entries(files)) {
    const path = key.slice(key.indexOf("@types/node/") + "@types/node/".length);
    if (SHADOWED_FOR_OLD_TS.has(path)) continue;
    chosen.push([path.startsWith("ts5.6/") ? path.slice("ts5.6/".length) : path, load]);
  }
  return chosen;
}

/** Adds every node type file to the TypeScript defaults; resolves when all are in. */
export async function addNodeTypes(addExtraLib: (content: string, filePath: string) => void): Promise<void> {
  const loaded = await Promise.all(nodeTypeFiles().map(async ([path, load]) => [path, await load()] as const));
  for (const [path, text] of loaded) addExtraLib(text, `${NODE_ROOT}/${path}`);
  addExtraLib(JSON.stringify({ name: "@types/node", version: "20", types: "index.d.ts" }), `${NODE_ROOT}/package.json`);
}
