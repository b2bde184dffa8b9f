/**
 * `npm run -s bench -- [--json]`: speed and size of the engine at 10,000
 * generated brands plus the default pack's vocabulary (issue #4 targets:
 * score_us_p50 ≤ 30, score20k_us_p50 ≤ 3 × floor20k_us_p50, ≥ 20× faster than
 * the naive baseline, load_ms ≤ 20, heap ≤ 40 MB). Everything is generated
 * from a fixed seed, so runs compare like with like. Speed targets live here,
 * never in unit tests.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compile, deserialize, score, serialize } from "../src/engine/index.ts";
import { testPack } from "../src/engine/test-pack.ts";
import { emptyListing, emptySeller, type Listing } from "../src/shared/listing.ts";
import type { BrandRule, RulePack } from "../src/shared/pack.ts";

const BRANDS = 10_000;
const DEFAULT_PACK = join(import.meta.dirname, "..", "public", "packs", "default.json");

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES =
  "ka lo mi nu ve ra to zen dor bel fin gar hol jin kor lum mar nor pel quin ros sol tar ul vin wex yor zar bri cla dre fro gri plo stra vel mon ari eli osa une".split(
    " ",
  );
const WORDS =
  "the and with for this that from your our item quality shipping fast new style comfortable size colour fabric soft design gift perfect daily wear casual return policy please note measure hand wash cotton blend durable stitching package includes available photos real product description warranty customer service store".split(
    " ",
  );

function word(r: () => number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return s;
}

function generatedBrands(r: () => number): BrandRule[] {
  const out: BrandRule[] = [];
  const seen = new Set<string>();
  while (out.length < BRANDS) {
    const name = `${word(r, 2 + Math.floor(r() * 2))}${r() < 0.3 ? ` ${word(r, 2)}` : ""}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const price = { amount: String(20 + Math.floor(r() * 500)), currency: "USD", date: "2025-01-01", source: "bench" };
    out.push({
      id: `b${out.length}`,
      name: name[0]?.toUpperCase() + name.slice(1),
      aliases: [word(r, 3)],
      commonWord: false,
      tier: r() < 0.2 ? "luxury" : "premium",
      categories: [],
      models: [
        { name: `${word(r, 2)} ${Math.floor(r() * 99)}`, aliases: [], referencePrice: price },
        { name: word(r, 3), aliases: [], referencePrice: price },
      ],
      referencePrice: price,
      authorisedSellers: [],
      officialStores: [],
      domains: [`${name.replace(/ /g, "")}.com`],
      report: null,
    });
  }
  return out;
}

function basePack(): RulePack {
  if (existsSync(DEFAULT_PACK)) return JSON.parse(readFileSync(DEFAULT_PACK, "utf8")) as RulePack;
  return testPack();
}

function prose(r: () => number, chars: number): string {
  const parts: string[] = [];
  let len = 0;
  while (len < chars) {
    const w = WORDS[Math.floor(r() * WORDS.length)] ?? "item";
    parts.push(w);
    len += w.length + 1;
  }
  return parts.join(" ").slice(0, chars);
}

function makeListing(r: () => number, brands: BrandRule[], descChars: number): Listing {
  const b = brands[4321] as BrandRule;
  let title = `${b.name} ${b.models[0]?.name} men's running shoes breathable lightweight sneakers new season`;
  title = `${title} ${prose(r, 150 - title.length - 1)}`.slice(0, 150);
  return {
    ...emptyListing("https://www.ebay.com/itm/1234567890", "ebay"),
    title,
    price: { amount: "39.99", currency: "USD" },
    description: prose(r, descChars),
    seller: { ...emptySeller(), name: "best_deals_store", feedbackCount: 1200, positivePercent: 98.5 },
    specifics: [
      { name: "Brand", value: b.name },
      { name: "Colour", value: "Black" },
    ],
  };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

function time(run: () => unknown, n: number): number[] {
  for (let i = 0; i < Math.min(200, n); i++) run();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    run();
    out.push((performance.now() - t0) * 1000);
  }
  return out;
}

/** Several cheap calls per sample, for operations near the timer's resolution. */
function timeBatched(run: () => unknown, n: number, batch: number): number[] {
  for (let i = 0; i < 50; i++) run();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    for (let j = 0; j < batch; j++) run();
    out.push(((performance.now() - t0) * 1000) / batch);
  }
  return out;
}

function main(): void {
  const json = process.argv.includes("--json");
  const r = rng(42);
  const base = basePack();
  const brands = generatedBrands(r);
  const pack: RulePack = { ...base, id: "bench", brands: [...brands] };
  const heap0 = process.memoryUsage().heapUsed;
  const c0 = performance.now();
  const compiled = compile([pack], { now: "2026-01-01" });
  const compileMs = performance.now() - c0;
  const bytes = serialize(compiled);
  const loads = time(() => deserialize(bytes), 30).map((us) => us / 1000);
  const m = deserialize(bytes);
  const listing = makeListing(r, brands, 2048);
  const big = { ...listing, description: prose(r, 20_480) };
  const scores = time(() => score(listing, m), 3000);
  const scores20k = time(() => score(big, m), 1000);
  const text20k = big.description ?? "";
  let sink = 0;
  const floor = timeBatched(
    () => {
      let acc = 0;
      for (let i = 0; i < text20k.length; i++) acc = (acc + text20k.charCodeAt(i)) | 0;
      sink ^= acc;
    },
    500,
    5,
  );
  const names = brands
    .flatMap((b) => [b.name, ...b.aliases, ...b.models.map((x) => x.name)])
    .map((n) => n.normalize("NFKC").toLowerCase());
  const baseline = time(() => {
    const text = `${listing.title} ${listing.description}`.normalize("NFKC").toLowerCase();
    let hits = 0;
    for (const n of names) if (text.includes(n)) hits++;
    sink ^= hits;
  }, 100);
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1e6;
  const v = score(listing, m);
  const out = {
    brands: BRANDS,
    patterns: compiled.d.pKind.length,
    score_us_p50: round(percentile(scores, 50)),
    score_us_p99: round(percentile(scores, 99)),
    score20k_us_p50: round(percentile(scores20k, 50)),
    floor20k_us_p50: round(percentile(floor, 50)),
    baseline_us_p50: round(percentile(baseline, 50)),
    compile_ms: round(compileMs),
    load_ms: round(percentile(loads, 50)),
    compiled_bytes: bytes.length,
    heap_mb: round(heapMb),
    check: { brand: v.brand?.name ?? null, risk: v.risk, sink: sink & 1 },
  };
  if (json) {
    console.log(JSON.stringify(out));
    return;
  }
  const rows: [string, string, string][] = [
    ["score p50 / p99", `${out.score_us_p50} / ${out.score_us_p99} µs`, "p50 ≤ 30 µs"],
    [
      "score 20 KB p50",
      `${out.score20k_us_p50} µs (${round(out.score20k_us_p50 / out.floor20k_us_p50)}× floor ${out.floor20k_us_p50} µs)`,
      "≤ 3× floor",
    ],
    [
      "naive baseline p50",
      `${out.baseline_us_p50} µs (${round(out.baseline_us_p50 / out.score_us_p50)}× slower than score)`,
      "≥ 20×",
    ],
    ["compile", `${out.compile_ms} ms (${out.patterns} patterns)`, ""],
    ["load (deserialize)", `${out.load_ms} ms`, "≤ 20 ms"],
    ["compiled size", `${(out.compiled_bytes / 1e6).toFixed(2)} MB`, ""],
    ["heap", `${out.heap_mb} MB`, "≤ 40 MB"],
  ];
  for (const [a, b, c] of rows) console.log(`${a.padEnd(20)} ${b.padEnd(52)} ${c}`);
}

const round = (x: number) => Math.round(x * 100) / 100;

main();
