import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "protocol/**/*.test.ts",
      "server/**/*.test.ts",
      "web/src/**/*.test.ts",
      "sandboxed/**/*.test.ts",
      "lessons/**/*.test.ts",
      "scenarios/**/*.test.ts",
      "scripts/**/*.test.ts",
    ],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    teardownTimeout: 30_000, // a test that leaves something running fails by name instead of hanging the suite
    pool: "forks",
  },
});
