import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  // Each test launches its own Chromium with its own profile, so tests share nothing. Two cores here: two workers
  // locally; one in CI, where two saved little (clean-clone runs on an idle machine, 43 tests: 9.2 min with two,
  // 10.0 min with one; every test is CPU-bound) and time out when the machine is loaded. Three were slower again
  // (11.2 min against 10.4 with two, 2026-12-06).
  workers: process.env.CI ? 1 : 2,
  fullyParallel: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  forbidOnly: !!process.env.CI,
});
