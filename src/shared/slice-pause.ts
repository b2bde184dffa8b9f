/**
 * The pause between slices of long work in the service worker (compiling
 * rules): a macrotask (setTimeout), so message events already queued run
 * first, taken at most every `budgetMs` of work so a large job does not pay a
 * timer per slice. The worker's longest unresponsive stretch is then the
 * budget plus one slice.
 */
export const SLICE_BUDGET_MS = 8;

export function slicePause(budgetMs = SLICE_BUDGET_MS): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    since = performance.now();
  };
}
