import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "src/**/*.test.ts",
      "src/**/*.test.tsx",
      "cli/**/*.test.ts",
      "scripts/**/*.test.ts",
      "bench/**/*.test.ts",
    ],
    environment: "node",
    // Three test files at once on this 2-core machine: the files spend much of their time outside the CPU (worker
    // threads starting, files read, timers), and the whole suite ran in 95 s with three against 134 s with two and
    // 103 s with four (idle machine, 2026-12-06).
    maxWorkers: 3,
    // A timeout catches a hang, not slowness: in a whole-suite run on a busy 2-core machine the heaviest tests
    // (bulk scoring with worker threads, every adapter on every saved page, a pack compiled in slices) took
    // 11-14 s at load 5, and a 12 s test failed at 27 s; no test asserts a duration.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
