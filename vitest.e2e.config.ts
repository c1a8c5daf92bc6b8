import { defineConfig } from "vitest/config";

// Browser tests: each file starts the real server and drives Chromium, so they run one
// at a time with generous timeouts.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    retry: 0,
    reporters: ["default"],
  },
});
