/** Preloaded with --import in the runner and in every worker thread it starts: installs the resolve hooks. */
import { register } from "node:module";
import type { HookData } from "./hooks.js";
import { sealEscapeHatches } from "../telemetry/seal.js";
import { takeTelemetryPort } from "../telemetry/worker-port.js";

const data: HookData = {
  tracedUrl: new URL("./zeromq.mjs", import.meta.url).href,
  bundleUrl: new URL("./", import.meta.url).href,
  devicesUrl: new URL("./zmq-devices.mjs", import.meta.url).href,
  subpathUrls: {
    "zeromq/draft": new URL("./draft.mjs", import.meta.url).href,
    "zeromq/draft.js": new URL("./draft.mjs", import.meta.url).href,
    "zeromq/v5-compat": new URL("./v5-compat.mjs", import.meta.url).href,
    "zeromq/v5-compat.js": new URL("./v5-compat.mjs", import.meta.url).href,
  },
};
register("./hooks.mjs", import.meta.url, { data });
sealEscapeHatches();
takeTelemetryPort();
