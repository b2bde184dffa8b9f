import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  // Each test launches its own Chromium with its own profile, so tests share nothing and any two may run at once:
  // two workers (two cores here, in CI too), and the tests of one file spread over both, so a long file does not
  // keep one worker busy while the other is idle.
  workers: 2,
  fullyParallel: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  forbidOnly: !!process.env.CI,
});
