/**
 * `npm run eval:extract`: our extractor (with and without site adapters)
 * against Zyte, Diffbot and extruct on the product-extraction benchmark
 * copied into fixtures/benchmark (metric: scripts/eval-metric.ts, described
 * in fixtures/benchmark/README.md). Flags: --json, --verbose (per-page misses).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractListing } from "../src/content/pipeline.ts";
import { loadPage } from "../src/shared/load-html.node.ts";
import { type Attribute, evaluate, type GroundTruth, judge, type PagePrediction, type Scores } from "./eval-metric.ts";

const DIR = join(import.meta.dirname, "..", "fixtures", "benchmark");
const PEERS = ["Zyte", "Diffbot", "extruct"] as const;
/** The benchmark's published F1 over all its pages (fixtures/benchmark/README.md). */
const PUBLISHED: Record<(typeof PEERS)[number], Record<Attribute, number>> = {
  Zyte: { price: 0.918, sku: 0.841, availability: 0.957 },
  Diffbot: { price: 0.824, sku: 0.765, availability: 0.943 },
  extruct: { price: 0.685, sku: 0.537, availability: 0.626 },
};
const ATTRS: Attribute[] = ["price", "sku", "availability"];

type Prediction = PagePrediction & { brand?: unknown };

function norm(s: unknown): string {
  return typeof s === "string" ? s.trim().toLowerCase().replace(/\s+/g, " ") : "";
}

/** Share of pages with an expected brand whose predicted brand matches one accepted value (case-insensitive). */
function brandAccuracy(truth: GroundTruth, preds: Record<string, Prediction | undefined>): number {
  let n = 0;
  let ok = 0;
  for (const [id, gt] of Object.entries(truth)) {
    const accepted = (gt.brand ?? []).map(norm).filter(Boolean);
    if (accepted.length === 0) continue;
    n++;
    if (accepted.includes(norm(preds[id]?.brand))) ok++;
  }
  return n > 0 ? ok / n : 0;
}

function ours(truth: GroundTruth, adapters: boolean): { preds: Record<string, Prediction>; ms: number[] } {
  const preds: Record<string, Prediction> = {};
  const ms: number[] = [];
  for (const [id, gt] of Object.entries(truth)) {
    const doc = loadPage(join(DIR, "html", `${id}.html.gz`));
    const t0 = performance.now();
    const { listing } = extractListing(doc, gt.url, { adapters, budgetMs: 10_000 });
    ms.push(performance.now() - t0);
    preds[id] = {
      price: listing?.price?.amount ?? null,
      sku: listing?.sku ?? null,
      availability: listing?.availability ?? null,
      brand: listing?.brand ?? null,
    };
  }
  return { preds, ms };
}

function main(): void {
  const args = new Set(process.argv.slice(2));
  const truth = JSON.parse(readFileSync(join(DIR, "ground-truth.json"), "utf8")) as GroundTruth;
  const rows: { name: string; scores: Record<Attribute, Scores>; brand: number }[] = [];
  const runs: [string, boolean][] = [
    ["copycatch", true],
    ["copycatch --generic-only", false],
  ];
  const ourPreds: Record<string, Record<string, Prediction>> = {};
  for (const [name, adapters] of runs) {
    const { preds } = ours(truth, adapters);
    ourPreds[name] = preds;
    rows.push({ name, scores: evaluate(truth, preds), brand: brandAccuracy(truth, preds) });
  }
  const peerCheck: string[] = [];
  for (const peer of PEERS) {
    const preds = JSON.parse(readFileSync(join(DIR, "peer-output", `${peer}.json`), "utf8")) as Record<
      string,
      Prediction
    >;
    const s = evaluate(truth, preds);
    rows.push({ name: peer, scores: s, brand: brandAccuracy(truth, preds) });
    for (const a of ATTRS) {
      const measured = s[a].f1.toFixed(3);
      const published = PUBLISHED[peer][a].toFixed(3);
      if (measured !== published)
        peerCheck.push(`${peer} ${a}: measured ${measured} on these pages, published ${published}`);
    }
  }
  if (args.has("--json")) {
    console.log(JSON.stringify({ pages: Object.keys(truth).length, rows, published: PUBLISHED, peerCheck }, null, 2));
    return;
  }
  const f = (x: number): string => x.toFixed(3);
  console.log(`Product-extraction benchmark, ${Object.keys(truth).length} pages (fixtures/benchmark)\n`);
  console.log(`${"extractor".padEnd(26)}${ATTRS.map((a) => `${a} F1 / P / R`.padEnd(26)).join("")}brand acc`);
  for (const r of rows) {
    const cells = ATTRS.map((a) =>
      `${f(r.scores[a].f1)} / ${f(r.scores[a].precision)} / ${f(r.scores[a].recall)}`.padEnd(26),
    );
    console.log(`${r.name.padEnd(26)}${cells.join("")}${f(r.brand)}`);
  }
  console.log("\nPublished F1 over the full benchmark (more pages than the part copied here):");
  for (const p of PEERS)
    console.log(
      `  ${p.padEnd(10)} price ${PUBLISHED[p].price}  sku ${PUBLISHED[p].sku}  availability ${PUBLISHED[p].availability}`,
    );
  if (peerCheck.length > 0) {
    console.log("\nPeer figures measured here differ from the published ones (subset of the benchmark):");
    for (const line of peerCheck) console.log(`  ${line}`);
  }
  if (args.has("--verbose")) {
    for (const [name, preds] of Object.entries(ourPreds)) {
      console.log(`\nMisses, ${name}:`);
      for (const [id, gt] of Object.entries(truth)) {
        for (const a of ATTRS) {
          const r = judge(a, preds[id]?.[a], gt[a]);
          if (r === "fp" || r === "fn")
            console.log(
              `  ${id.slice(0, 8)} ${a} ${r}: got ${JSON.stringify(preds[id]?.[a])} want ${JSON.stringify(gt[a])} ${gt.url.slice(0, 70)}`,
            );
        }
      }
    }
  }
}

main();
