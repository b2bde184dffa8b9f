/**
 * How long the service worker stays unresponsive while it installs a large
 * pack: the pack limit's 1,000,000 patterns (50,000 brands) taken through the
 * worker's sliced path (parse, validate, compile, serialise, with the pause
 * of src/shared/slice-pause.ts), printing the longest stretch between two
 * pauses (wall and CPU time), against the one-call path measured in the same
 * run (the floor: JSON.parse, validatePack, compile and serialize in one go).
 * Garbage-collector pauses fall inside the stretches and are part of the
 * figure. IndexedDB's copies of the records are not part of this path.
 *
 *   npx tsx bench/compile-slices.ts [BRANDS]
 */
import { COMPILE_SLICE, compile, compileAsync, serialize, serializeSteps } from "../src/engine/compiler.ts";
import { bigPack, PATTERNS_PER_BRAND } from "../src/shared/big-pack.node.ts";
import { parseJsonAsync } from "../src/shared/pack-json.ts";
import { validatePack, validatePackAsync } from "../src/shared/pack-validate.ts";
import { slicePause } from "../src/shared/slice-pause.ts";
import { driveSteps, Slicer } from "../src/shared/slices.ts";

const brands = Number(process.argv[2] ?? 50_000);
const text = JSON.stringify(bigPack("bench.big", brands));

const phases: Record<string, number> = {};
let t = performance.now();
const lap = (name: string) => {
  const now = performance.now();
  phases[name] = now - t;
  t = now;
};
const { pack } = validatePack(JSON.parse(text));
lap("parse+validate");
serialize(compile([pack]));
lap("compile+serialize");
const syncMs = Object.values(phases).reduce((a, b) => a + b, 0);

/** CPU time of this process in ms: on a loaded machine, what a stretch costs without the waits for a core. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const pause = slicePause();
let longest = { wall: 0, cpu: 0, phase: "" };
/** The longest stretch of each phase, and how many stretches went over 100 ms (the message-latency target). */
const longestBy: Record<string, { wall: number; cpu: number }> = {};
let over100 = 0;
let maxUnits = 0;
let pauses = 0;
let phase = "parse";
let since = performance.now();
let sinceCpu = cpuMs();
const timed = async () => {
  const before = performance.now();
  const beforeCpu = cpuMs();
  await pause();
  if (performance.now() - before > 0.05) {
    // A real pause (a macrotask): the stretch of work before it is what a queued message waited for.
    if (before - since > longest.wall) longest = { wall: before - since, cpu: beforeCpu - sinceCpu, phase };
    const by = longestBy[phase] ?? { wall: 0, cpu: 0 };
    longestBy[phase] = { wall: Math.max(by.wall, before - since), cpu: Math.max(by.cpu, beforeCpu - sinceCpu) };
    if (before - since > 100) over100++;
    pauses++;
    since = performance.now();
    sinceCpu = cpuMs();
  }
};
const onSlice = (u: number) => {
  maxUnits = Math.max(maxUnits, u);
};
const t0 = performance.now();
since = t0;
const raw = await parseJsonAsync(text, timed);
phase = "validate";
const validated = await validatePackAsync(raw, { pause: timed, onSlice });
phase = "compile";
const matcher = await compileAsync([validated.pack], { pause: timed, onSlice });
phase = "serialize";
await driveSteps(serializeSteps(matcher, new Slicer()), timed, onSlice);
const slicedMs = performance.now() - t0;

console.log(`patterns: ${brands * PATTERNS_PER_BRAND}, pack text ${(text.length / 1e6).toFixed(1)} MB`);
console.log(
  `one-call path: ${syncMs.toFixed(0)} ms (${Object.entries(phases)
    .map(([k, v]) => `${k} ${v.toFixed(0)} ms`)
    .join(", ")}; the worker blocked for all of it)`,
);
console.log(
  `sliced path: ${slicedMs.toFixed(0)} ms in total (${(slicedMs / syncMs).toFixed(2)}x), ${pauses} pauses, longest stretch ${longest.wall.toFixed(1)} ms wall, ${longest.cpu.toFixed(1)} ms CPU, in ${longest.phase} (${(longest.wall / syncMs).toFixed(4)} of the one-call path), at most ${maxUnits} units per slice (COMPILE_SLICE ${COMPILE_SLICE})`,
);
console.log(
  `longest stretch per phase: ${Object.entries(longestBy)
    .map(([k, v]) => `${k} ${v.wall.toFixed(1)} ms wall / ${v.cpu.toFixed(1)} ms CPU`)
    .join(", ")}; stretches over 100 ms: ${over100} of ${pauses}`,
);
