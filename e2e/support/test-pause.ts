/**
 * The test build's pause hook (src/background/report/test-build.ts `testPause`), driven from an extension page: a
 * stopped worker's handle cannot evaluate anything, so storage is set and read through the options page.
 * `hold(phase, ms)` makes the background wait that long the next time it reaches the phase (once: reaching it takes
 * the hold away; null: take it away unreached), `reached(phase)` says whether it has announced reaching it.
 */
import type { Page } from "@playwright/test";

export function pauses(page: Page): {
  hold(phase: string, ms: number | null): Promise<void>;
  reached(phase: string): Promise<unknown>;
} {
  return {
    hold: (phase, ms) =>
      page.evaluate(
        async ([key, value]) => {
          if (value === null) await chrome.storage.local.remove(key);
          else await chrome.storage.local.set({ [key]: value });
        },
        [`test:pause-${phase}`, ms] as const,
      ),
    reached: (phase) =>
      page.evaluate(async (key) => (await chrome.storage.session.get(key))[key], `test:reached-${phase}`),
  };
}
