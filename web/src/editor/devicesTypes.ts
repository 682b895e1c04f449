/**
 * The zmq-devices module as the editor sees it: its own TypeScript sources (tests left out), so learners get the
 * same completions and checks for `import { device, ThreadDevice } from "zmq-devices"` as the runner runs.
 */
const DEVICES_ROOT = "file:///node_modules/zmq-devices";

const sources = import.meta.glob<string>(
  ["../../../sandboxed/devices/src/*.ts", "!../../../sandboxed/devices/src/*.test.ts", "!../../../sandboxed/devices/src/test-support.ts"],
  {
    query: "?raw",
    import: "default",
    eager: true,
  },
);

/** Each source file as [path inside the package, text]. */
export function devicesTypeFiles(): Array<[string, string]> {
  return Object.entries(sources).map(([key, text]) => [`src/${key.slice(key.lastIndexOf("/") + 1)}`, text]);
}

export function addDevicesTypes(addExtraLib: (content: string, filePath: string) => void): void {
  for (const [path, text] of devicesTypeFiles()) addExtraLib(text, `${DEVICES_ROOT}/${path}`);
  addExtraLib(JSON.stringify({ name: "zmq-devices", version: "0.1.0", types: "src/index.ts" }), `${DEVICES_ROOT}/package.json`);
}
