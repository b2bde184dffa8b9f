/**
 * How long the service worker stays unresponsive while it compiles a large
 * pack: the pack limit's 1,000,000 patterns (50,000 brands) compiled with the
 * worker's sliced compile and pause (src/shared/slice-pause.ts), printing the
 * longest stretch between two pauses, against the one-call compile measured
 * in the same run (the floor: the whole compile as one stretch).
 *
 *   npx tsx bench/compile-slices.ts [BRANDS]
 */
import { COMPILE_SLICE, compile, compileAsync } from "../src/engine/compiler.ts";
import { bigPack, PATTERNS_PER_BRAND } from "../src/shared/big-pack.node.ts";
import { slicePause } from "../src/shared/slice-pause.ts";

const brands = Number(process.argv[2] ?? 50_000);
const pack = bigPack("bench.big", brands);

let t = performance.now();
compile([pack]);
const syncMs = performance.now() - t;

/** CPU time of this process in ms: on a loaded machine, what a stretch costs without the waits for a core. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const pause = slicePause();
let longest = 0;
let longestCpu = 0;
let maxUnits = 0;
let pauses = 0;
let since = performance.now();
let sinceCpu = cpuMs();
const stretchEnds = () => {
  longest = Math.max(longest, performance.now() - since);
  longestCpu = Math.max(longestCpu, cpuMs() - sinceCpu);
};
const timed = async () => {
  const before = performance.now();
  const beforeCpu = cpuMs();
  await pause();
  if (performance.now() - before > 0.05) {
    // A real pause (a macrotask): the stretch of work before it is what a queued message waited for.
    longest = Math.max(longest, before - since);
    longestCpu = Math.max(longestCpu, beforeCpu - sinceCpu);
    pauses++;
    since = performance.now();
    sinceCpu = cpuMs();
  }
};
t = performance.now();
since = t;
sinceCpu = cpuMs();
await compileAsync([pack], { pause: timed, onSlice: (u) => (maxUnits = Math.max(maxUnits, u)) });
const slicedMs = performance.now() - t;
stretchEnds();

console.log(`patterns: ${brands * PATTERNS_PER_BRAND}`);
console.log(`one-call compile: ${syncMs.toFixed(0)} ms (the worker blocked for all of it)`);
console.log(
  `sliced compile: ${slicedMs.toFixed(0)} ms in total (${(slicedMs / syncMs).toFixed(2)}x), ${pauses} pauses, longest stretch ${longest.toFixed(1)} ms wall, ${longestCpu.toFixed(1)} ms CPU (${(longest / syncMs).toFixed(4)} of the one-call compile), at most ${maxUnits} loop units per slice (COMPILE_SLICE ${COMPILE_SLICE})`,
);
