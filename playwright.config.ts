import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";

/** A port of its own (E2E_PORT, default 3170), so e2e never talks to a dev server someone left running on 3000. */
const PORT = Number(process.env.E2E_PORT ?? 3170);
/** E2E_BASE_URL points the specs at a server that is already running (say, `npm run dev`) instead of starting one. */
const EXTERNAL_URL = process.env.E2E_BASE_URL;
const BASE_URL = EXTERNAL_URL ?? `http://127.0.0.1:${PORT}`;
/**
 * Shares written by the specs go to a fresh directory each time, never to data/. Made once (workers load this file
 * too, and inherit the variable) and removed by the global teardown; a directory given in E2E_DATA_DIR is kept.
 */
if (!EXTERNAL_URL && !process.env.E2E_DATA_DIR) {
  process.env.E2E_DATA_DIR = process.env.E2E_MADE_DATA_DIR = mkdtempSync(join(tmpdir(), "zmq-workbench-e2e-"));
}
const DATA_DIR = EXTERNAL_URL ? "" : (process.env.E2E_DATA_DIR ?? "");

export default defineConfig({
  testDir: "e2e",
  globalTeardown: "./e2e/support/remove-data-dir.ts",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  // Generous for a busy two-core machine, where a run's sandbox start alone can take seconds: every wait is on
  // state, so a passing spec takes no longer for it. Under load, 48 of its tests took 20 minutes.
  timeout: 120_000,
  globalTimeout: 60 * 60_000, // a stuck suite still ends with the specs named
  expect: { timeout: 30_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: BASE_URL,
    headless: true,
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    // An action that can never happen (a click on a control that does not appear) fails with its name, not at the test's end.
    actionTimeout: 30_000,
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        },
      },
    },
  ],
  webServer: EXTERNAL_URL
    ? undefined
    : {
        command: "node scripts/start.mjs",
        url: `${BASE_URL}/api/health`,
        reuseExistingServer: false,
        timeout: 180_000,
        stdout: "pipe",
        stderr: "pipe",
        // Warnings and errors only: request logs would bury the test report.
        // Every spec's browser shares one address; two runs per address lets run-share.spec.ts reach the address's cap.
        // A minute per run: on a busy machine a program's start alone can take seconds, and no spec waits for the limit.
        // A class stays open two minutes after its presenter leaves (for a reclaim), and the suite starts a class in
        // many specs from this one address: ten open at once (the default) was reached mid-suite.
        env: {
          PORT: String(PORT),
          HOST: "127.0.0.1",
          DATA_DIR,
          LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
          WB_RUNS_PER_CLIENT: "2",
          WB_RUN_WALL_MS: "60000",
          WB_SESSIONS_PER_ADDRESS: "100",
        },
      },
});
