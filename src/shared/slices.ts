/**
 * Long work cut into slices of counted work, so the service worker can return
 * to its event loop between slices (slice-pause.ts) and answer messages while
 * a large pack is parsed, validated, compiled and serialised.
 *
 * The work is written as a generator that yields the units of work done since
 * its last yield; a driver either runs it in one call (`runSteps`: CLI, tests,
 * benchmarks) or awaits a pause between slices (`driveSteps`: the worker).
 *
 * A unit is one iteration of a loop over brands, patterns or entries; or
 * TIGHT_UNIT iterations of a tight numeric loop over typed arrays; or a native
 * copy, encode or parse of at most BLOCK elements (bytes, characters or array
 * elements). No slice does more than SLICE_UNITS units: counted, not timed.
 */
export const SLICE_UNITS = 100;
/** Elements of a native copy, encode or parse counted as one unit. */
export const BLOCK = 16_384;
/** Iterations of a tight typed-array loop counted as one unit. */
export const TIGHT_UNIT = 1_024;

/** A generator of slices: yields the units each slice did, returns the result. */
export type Steps<T> = Generator<number, T, void>;

/** Counts units; `tick()` is true once a slice is full (the caller then yields `take()`). */
export class Slicer {
  n = 0;
  tick(units = 1): boolean {
    this.n += units;
    return this.n >= SLICE_UNITS;
  }
  take(): number {
    const n = this.n;
    this.n = 0;
    return n;
  }
}

/** Runs every slice in one call. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the slices with `pause()` awaited between them; `onSlice` sees the units of each slice. */
export async function driveSteps<T>(
  steps: Steps<T>,
  pause: () => Promise<void>,
  onSlice?: (units: number) => void,
): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onSlice?.(step.value);
    await pause();
  }
}

type Typed = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

/** Copies `src` into `dst` at `at`, BLOCK elements per unit. */
export function* copyInto(dst: Typed, src: Typed, at: number, work: Slicer): Steps<void> {
  for (let i = 0; i < src.length; i += BLOCK) {
    dst.set(src.subarray(i, Math.min(src.length, i + BLOCK)) as never, at + i);
    if (work.tick()) yield work.take();
  }
}
