/** Timing helpers of the small library benchmarks (bench/zip.ts, bench/csv.ts). */

export function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
}

/** Median of `n` timed calls in milliseconds, after one warm-up call. */
export function timeMedian(run: () => unknown, n: number): number {
  run();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    run();
    out.push(performance.now() - t0);
  }
  return median(out);
}
