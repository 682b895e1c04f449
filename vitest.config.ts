import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["protocol/**/*.test.ts", "server/**/*.test.ts", "web/src/**/*.test.ts", "sandboxed/**/*.test.ts", "lessons/**/*.test.ts", "scenarios/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
