/**
 * `npx tsx bench/csv.ts [--root DIR]`: speed of the pack tool's CSV reading
 * (`cli/pack/csv.ts`), as one JSON line. `--root` measures another checkout's
 * csv.ts and default pack with this same script (how the figures before and
 * after the move to papaparse were compared, in docs/pack-tool.md).
 *
 * - parse_sheets_ms: `parseCsv` of every sheet of packs/default/ (23 files),
 *   median of 21 after one warm-up.
 * - parse_large_ms / parse_mb_s: the same sheets joined and repeated 20 times
 *   (one text of about 7 MB), median of 7.
 * - floor_large_ms: splitting that text into lines and lines at commas
 *   (String.split, no quoting rules): the ratio is against it.
 * - build_default_ms: `buildDefaultPack()` (read, parse, build, validate the
 *   default pack), median of 7.
 */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { timeMedian } from "./timing.ts";

const at = process.argv.indexOf("--root");
const root = resolve(at >= 0 ? (process.argv[at + 1] ?? ".") : resolve(import.meta.dirname, ".."));
const csv = (await import(`${root}/cli/pack/csv.ts`)) as { parseCsv: (text: string) => string[][] };
const defaultPack = (await import(`${root}/scripts/build-default-pack.ts`)) as { buildDefaultPack: () => unknown };

const dir = `${root}/packs/default`;
const texts = readdirSync(dir)
  .filter((n) => n.endsWith(".csv"))
  .sort()
  .map((n) => readFileSync(`${dir}/${n}`, "utf8"));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const large = texts.join("\n").repeat(20);

let sink = 0;
const parseSheets = timeMedian(() => {
  for (const t of texts) sink += csv.parseCsv(t).length;
}, 21);
const parseLarge = timeMedian(() => {
  sink += csv.parseCsv(large).length;
}, 7);
const floorLarge = timeMedian(() => {
  for (const line of large.split("\n")) sink += line.split(",").length;
}, 7);
const build = timeMedian(() => defaultPack.buildDefaultPack(), 7);

const round = (x: number, d = 2) => Number(x.toFixed(d));
console.log(
  JSON.stringify({
    root,
    sheets: texts.length,
    sheets_kb: Math.round(bytes / 1024),
    parse_sheets_ms: round(parseSheets),
    parse_large_ms: round(parseLarge, 1),
    parse_mb_s: round(Buffer.byteLength(large) / 1e6 / (parseLarge / 1000), 1),
    floor_large_ms: round(floorLarge, 1),
    large_vs_floor: round(parseLarge / floorLarge, 1),
    build_default_ms: round(build, 1),
    check: { sink },
  }),
);
