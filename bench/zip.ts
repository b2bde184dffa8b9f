/**
 * `npx tsx bench/zip.ts [--root DIR]`: speed and memory of the case-bundle
 * ZIP layer (`src/shared/zip.ts`), as one JSON line. `--root` measures another
 * checkout's zip.ts, case-bundle.ts and sample case with this same script
 * (how the figures before and after the move to fflate were compared, in
 * docs/case-workspace.md). Measured in one process:
 *
 * - write_ms / read_ms: `writeZip` and `readZip` of a 50.7 MB bundle (a 48 MB
 *   page of repeated listing markup, a 4 MB pseudo-random screenshot, three
 *   small files), median of 9 after one warm-up.
 * - floor_ms: copying the same bytes once into one new array (what any writer
 *   or copying reader pays), median of 9; the ratios are against it.
 * - write_extra_mb / read_extra_mb: array-buffer memory the result keeps on
 *   top of its input (GC forced before and after, v8 gc exposed at run time).
 * - verify_sample_ms: `verifyBundle` of fixtures/cases' sample case, median
 *   of 30.
 *
 * With `--export`, only the export path runs instead, as the service worker
 * answers "export-case": the archive's parts (`zipParts`, where the tree has
 * it; `writeZip` before), then `base64Encode`; printed: export_ms and the
 * process's maximum resident memory, export_max_rss_mb, against
 * inputs_max_rss_mb, the same process's maximum once the inputs are built
 * (what no export can go below).
 * With `--parts`, `write_ms` and `write_extra_mb` are taken of `zipParts`
 * instead of `writeZip` (the archive that export encodes, never joined).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { median, timeMedian } from "./timing.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const at = process.argv.indexOf("--root");
const root = resolve(at >= 0 ? (process.argv[at + 1] ?? ".") : resolve(import.meta.dirname, ".."));
type Entry = { name: string; bytes: Uint8Array };
const zip = (await import(`${root}/src/shared/zip.ts`)) as {
  writeZip: (entries: Entry[], when: Date) => Uint8Array;
  readZip: (bytes: Uint8Array) => Entry[];
  zipParts?: (entries: Entry[], when: Date) => Uint8Array[];
};
const hash = (await import(`${root}/src/shared/hash.ts`)) as {
  base64Encode: (bytes: Uint8Array | Uint8Array[]) => string;
};
const bundle = (await import(`${root}/src/shared/case-bundle.ts`)) as {
  verifyBundle: (zip: Uint8Array) => Promise<{ intact: boolean }>;
};

const MB = 1024 * 1024;
function pseudoRandom(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}
const line = '<div class="item">Genuine leather bag, 38 cm, ships from Guangzhou</div>\r\n';
const page = new TextEncoder().encode(line.repeat(Math.ceil((48 * MB) / line.length))).subarray(0, 48 * MB);
const entries: Entry[] = [
  { name: "manifest.json", bytes: new TextEncoder().encode('{"format":"bench"}') },
  { name: "listing.json", bytes: pseudoRandom(900, 1) },
  { name: "notices/ebay-vero.txt", bytes: pseudoRandom(2600, 2) },
  { name: "page.mhtml", bytes: page },
  { name: "screenshot.png", bytes: pseudoRandom(4 * MB, 3) },
];
const inputBytes = entries.reduce((n, e) => n + e.bytes.length, 0);
const when = new Date("2026-12-04T23:17:00Z");

function buffers(): number {
  gc();
  gc();
  return process.memoryUsage().arrayBuffers;
}

const round = (x: number, d = 2) => Number(x.toFixed(d));
if (process.argv.includes("--export")) {
  const inputsRss = process.resourceUsage().maxRSS * 1024;
  const t0 = performance.now();
  const archive = zip.zipParts ? zip.zipParts(entries, when) : zip.writeZip(entries, when);
  const base64 = hash.base64Encode(archive);
  const ms = performance.now() - t0;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  console.log(
    JSON.stringify({
      root,
      writer: zip.zipParts ? "zipParts" : "writeZip",
      input_mb: round(inputBytes / MB, 1),
      base64_chars: base64.length,
      export_ms: round(ms),
      inputs_max_rss_mb: round(inputsRss / MB, 1),
      export_max_rss_mb: round(maxRss / MB, 1),
    }),
  );
  process.exit(0);
}
const writer =
  process.argv.includes("--parts") && zip.zipParts
    ? (zip.zipParts as (entries: Entry[], when: Date) => unknown)
    : zip.writeZip;

let sink = 0;
const floor = timeMedian(() => {
  const out = new Uint8Array(inputBytes);
  let o = 0;
  for (const e of entries) {
    out.set(e.bytes, o);
    o += e.bytes.length;
  }
  sink += out[o - 1] ?? 0;
}, 9);
const write = timeMedian(() => writer(entries, when), 9);
let before = buffers();
const written = writer(entries, when);
const writeExtra = buffers() - before;
sink += written ? 1 : 0;
const archive = zip.writeZip(entries, when);
const read = timeMedian(() => zip.readZip(archive), 9);
before = buffers();
const read1 = zip.readZip(archive);
const readExtra = buffers() - before;
sink += read1.length;

const sample = new Uint8Array(readFileSync(`${root}/fixtures/cases/ebay-226771798286.case.zip`));
const verifyTimes: number[] = [];
let intact = true;
for (let i = 0; i < 31; i++) {
  const t0 = performance.now();
  intact &&= (await bundle.verifyBundle(sample)).intact;
  if (i > 0) verifyTimes.push(performance.now() - t0);
}

console.log(
  JSON.stringify({
    root,
    input_mb: round(inputBytes / MB, 1),
    archive_bytes: archive.length,
    floor_ms: round(floor),
    write_ms: round(write),
    write_vs_floor: round(write / floor, 1),
    read_ms: round(read),
    read_vs_floor: round(read / floor, 1),
    write_extra_mb: round(writeExtra / MB),
    read_extra_mb: round(readExtra / MB),
    verify_sample_ms: round(median(verifyTimes)),
    check: { sampleIntact: intact, sink },
  }),
);
