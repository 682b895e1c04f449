import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, so defaults do not depend on the directory the server was started from. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
