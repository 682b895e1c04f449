import { rmSync } from "node:fs";

/** Removes the shares directory playwright.config.ts made for this run (never one the caller named). */
export default function removeDataDir(): void {
  const dir = process.env.E2E_MADE_DATA_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
