import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../limits.js";
import { DRIVERS, pickDriver } from "./index.js";

const spec = {
  node: "/usr/bin/node",
  nodeArgs: ["--import", "/home/ann/wb/dist/runner/abc/register.mjs", "/home/ann/wb/dist/runner/abc/runner.mjs"],
  readOnlyPaths: ["/home/ann/wb/dist/runner/abc", "/home/ann/wb/node_modules/zeromq"],
  appRoot: "/home/ann/wb",
  hostsFile: "/home/ann/wb/hosts",
  limits: { ...DEFAULT_LIMITS },
  slot: 3,
  uid: 200_003,
};

describe("the isolation driver table", () => {
  it("fails loudly on an unknown driver name, listing the known ones", async () => {
    await expect(pickDriver("docker")).rejects.toThrow('Unknown sandbox driver "docker"; known drivers: bwrap, none, or auto.');
  });

  it("has bwrap, which isolates, and none, which does not", () => {
    expect(DRIVERS.bwrap.isolates).toBe(true);
    expect(DRIVERS.none.isolates).toBe(false);
  });

  it("builds a bwrap command that never binds / and drops everything", () => {
    const { args, env } = DRIVERS.bwrap.launch(spec);
    expect(env).toEqual({});
    const binds = args.flatMap((a, i) => (a === "--ro-bind" || a === "--bind" ? [[args[i + 1], args[i + 2]]] : []));
    expect(binds).toEqual([
      ["/usr", "/usr"],
      // localhost and nothing else: the run's own loopback under the name the guide's examples use
      ["/home/ann/wb/hosts", "/etc/hosts"],
      ["/home/ann/wb/dist/runner/abc", "/app/dist/runner/abc"],
      ["/home/ann/wb/node_modules/zeromq", "/app/node_modules/zeromq"],
    ]);
    expect(args).not.toContain("--bind");
    for (const flag of ["--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session", "--clearenv"])
      expect(args).toContain(flag);
    expect(args.slice(args.indexOf("--cap-drop"), args.indexOf("--cap-drop") + 2)).toEqual(["--cap-drop", "ALL"]);
    expect(args.slice(args.indexOf("--size"), args.indexOf("--size") + 3)).toEqual(["--size", String(DEFAULT_LIMITS.TMP_BYTES), "--tmpfs"]);
    // The run sees the app under /app, never the host's folder names; the node flags follow the rename.
    expect(args.slice(-4)).toEqual(["/usr/bin/node", "--import", "/app/dist/runner/abc/register.mjs", "/app/dist/runner/abc/runner.mjs"]);
    expect(args.filter((a) => a.includes("/home/ann"))).toEqual(["/home/ann/wb/hosts", "/home/ann/wb/dist/runner/abc", "/home/ann/wb/node_modules/zeromq"]);
  });

  it("binds a node installed outside /usr where it is, its installation and nothing more", () => {
    const binds = (node: string) => {
      const { args } = DRIVERS.bwrap.launch({ ...spec, node });
      return args.flatMap((a, i) => (a === "--ro-bind" ? [args[i + 1]] : []));
    };
    expect(binds("/usr/bin/node")).not.toContain("/usr/bin/node");
    expect(binds("/root/.nvm/versions/node/v20.20.2/bin/node")).toContain("/root/.nvm/versions/node/v20.20.2");
    expect(binds("/root/.nvm/versions/node/v20.20.2/bin/node")).not.toContain("/root");
  });

  it("drops to the run's own uid, and only then limits tasks per uid", () => {
    const own = DRIVERS.bwrap.launch(spec).args;
    expect(own).toContain("--reuid=200003");
    expect(own).toContain(`--nproc=${DEFAULT_LIMITS.PROCESSES}`);
    const shared = DRIVERS.bwrap.launch({ ...spec, uid: undefined }).args;
    expect(shared.some((a) => a.startsWith("--reuid") || a.startsWith("--nproc"))).toBe(false);
  });
});
