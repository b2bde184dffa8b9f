/**
 * Behaviour fingerprint of the engine, for performance work that must not
 * change a single verdict.
 *
 *   npx tsx bench/golden.ts record   # before a change: writes bench/out/golden.txt
 *   npx tsx bench/golden.ts check    # after it: re-scores, compares, exit 1 on any difference
 *
 * `record` also snapshots public/packs/default.json into bench/out/golden-pack.json,
 * and `check` uses that snapshot, so pack edits by others do not show up as
 * engine differences. bench/out/ is gitignored: record on the engine you trust
 * (e.g. the last commit) before changing it.
 *
 * What is scored (one verdict JSON per line, tagged by group):
 * - the labelled listings (fixtures/labeled/dev.jsonl, native-dev.jsonl) on the
 *   default pack, compiled and round-tripped through serialize/deserialize,
 *   plus `normalize` of each title;
 * - synthetic evasions (case, typos, leetspeak, separators, look-alikes,
 *   zero-width, accents, plurals) of every default name, alias, model and term;
 * - the same over the default pack plus the 10,000 bench brands (bench/data.ts),
 *   and again on a deserialised copy;
 * - long descriptions (2 to 24 KB of prose, non-ASCII runs, names, terms and
 *   negations at random places), the description pass's edge cases;
 * - the bench listing itself (2 KB and 20 KB descriptions).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { toListing } from "../cli/score.ts";
import { compile } from "../src/engine/compiler.ts";
import { deserialize, normalize, score, serialize } from "../src/engine/index.ts";
import { emptyListing, emptySeller, type Listing } from "../src/shared/listing.ts";
import type { RulePack } from "../src/shared/pack.ts";
import { rng } from "../src/shared/prng.node.ts";
import { generatedBrands, makeListing, prose } from "./data.ts";

const ROOT = join(import.meta.dirname, "..");
const OUT = join(ROOT, "bench", "out");
const GOLDEN = join(OUT, "golden.txt");
const PACK_SNAPSHOT = join(OUT, "golden-pack.json");
const CHECK = join(OUT, "golden-check.txt");

const WORDS =
  "the and with for this that from your our item quality shipping fast new style comfortable size colour fabric soft design gift perfect daily wear casual return policy please note measure hand wash cotton blend durable stitching package includes available photos real product description warranty customer service store not no case compatible lot of pcs 10 20 wholesale replica 1:1 aaa original authentic genuine fake copy".split(
    " ",
  );
const NON_ASCII = [
  "高仿",
  "正品",
  "スーパーコピー",
  "реплика",
  "réplica",
  "naïve café",
  "ｆｕｌｌ",
  "—",
  "€",
  "1:1",
  "😀",
];
const LEET: Record<string, string> = { o: "0", i: "1", e: "3", a: "4", s: "5", t: "7" };
const CYR: Record<string, string> = { a: "а", e: "е", o: "о", c: "с", p: "р", i: "і", x: "х" };

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

function mutate(r: () => number, name: string): string {
  const k = Math.floor(r() * 16);
  const i = Math.floor(r() * name.length);
  const letters = "abcdefghijklmnopqrstuvwxyz";
  switch (k) {
    case 0:
      return name;
    case 1:
      return name.toUpperCase();
    case 2:
      return name.slice(0, i) + pick(r, [...letters]) + name.slice(i);
    case 3:
      return name.slice(0, i) + name.slice(i + 1);
    case 4:
      return `${name.slice(0, i)}${pick(r, [...letters])}${name.slice(i + 1)}`;
    case 5:
      return i + 1 < name.length ? name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2) : name;
    case 6:
      return [...name].map((c) => (r() < 0.4 ? (LEET[c.toLowerCase()] ?? c) : c)).join("");
    case 7:
      return [...name].join(pick(r, [".", "-", " ", "/", "//", "·"]));
    case 8:
      return `${name.slice(0, i)}${pick(r, ["*", "⭐", "#", "**"])}${name.slice(i + 1)}`;
    case 9:
      return [...name].map((c) => (r() < 0.5 ? (CYR[c] ?? c) : c)).join("");
    case 10:
      return name.replace(/ /g, "");
    case 11:
      return name.replace(/ /g, "-");
    case 12:
      return `${name}s`;
    case 13:
      return [...name].map((c) => (r() < 0.2 ? `${c}\u200b` : c)).join("");
    case 14:
      return name.normalize("NFD").replace(/[aeiou]/g, (c) => `${c}\u0301`);
    default:
      return `${name} ${name}`;
  }
}

function words(r: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pick(r, WORDS));
  return out.join(" ");
}

/** Prose of about `chars` characters with names, terms, negations and non-ASCII runs spliced in. */
function longText(r: () => number, names: readonly string[], chars: number): string {
  const parts: string[] = [];
  let len = 0;
  while (len < chars) {
    const x = r();
    const s =
      x < 0.015
        ? mutate(r, pick(r, names))
        : x < 0.02
          ? `not a ${pick(r, ["replica", "fake", "copy"])}`
          : x < 0.03
            ? pick(r, NON_ASCII)
            : pick(r, WORDS);
    parts.push(s);
    len += s.length + 1;
  }
  return parts.join(pick(r, [" ", " ", " ", "\n", ", ", ". "]));
}

function synth(r: () => number, names: readonly string[], count: number, descChars = 0): Listing[] {
  const out: Listing[] = [];
  for (let c = 0; c < count; c++) {
    const nm = () => mutate(r, pick(r, names));
    const title = `${words(r, Math.floor(r() * 4))} ${nm()} ${words(r, Math.floor(r() * 6))}${r() < 0.3 ? ` ${nm()}` : ""}`;
    const description =
      descChars > 0
        ? longText(r, names, descChars + Math.floor(r() * descChars * 10))
        : r() < 0.5
          ? `${words(r, 30)} ${nm()} ${words(r, 20)}`
          : null;
    out.push({
      ...emptyListing(
        pick(r, ["https://www.ebay.com/itm/1", "https://www.amazon.com/dp/X", "https://x.test/"]),
        "ebay",
      ),
      title,
      price: { amount: String(Math.floor(r() * 400) + 1), currency: pick(r, ["USD", "EUR", "CNY", "GBP"]) },
      description,
      seller: {
        ...emptySeller(),
        name: r() < 0.3 ? `${nm()} store` : "seller_x",
        feedbackCount: Math.floor(r() * 100),
      },
      specifics: r() < 0.5 ? [{ name: pick(r, ["Brand", "Model", "Colour"]), value: nm() }] : [],
      brand: r() < 0.2 ? nm() : null,
    });
  }
  return out;
}

function fingerprint(pack: RulePack): string[] {
  const lines: string[] = [];
  const emit = (tag: string, v: unknown) => lines.push(`${tag}\t${JSON.stringify(v)}`);

  const mDefault = compile([pack], { now: "2026-01-01" });
  const mBack = deserialize(serialize(mDefault));
  for (const f of ["dev.jsonl", "native-dev.jsonl"]) {
    const file = join(ROOT, "fixtures", "labeled", f);
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const l = toListing(JSON.parse(line));
      emit(f, score(l, mDefault));
      emit(`${f}:ser`, score(l, mBack));
      emit(`${f}:norm`, normalize(l.title ?? ""));
    }
  }
  const r = rng(7);
  const defNames: string[] = [];
  for (const b of pack.brands) {
    defNames.push(b.name, ...b.aliases);
    for (const m of b.models) defNames.push(m.name);
  }
  for (const v of pack.vocabulary) defNames.push(v.term);
  for (const l of synth(r, defNames, 4000)) emit("def", score(l, mDefault));
  for (const l of synth(r, defNames, 600, 200)) emit("def:long", score(l, mBack));

  const brands = generatedBrands(rng(42));
  const mBig = compile([{ ...pack, id: "bench", brands: [...pack.brands, ...brands] }], { now: "2026-01-01" });
  const bigNames: string[] = [...defNames];
  for (const b of brands) bigNames.push(b.name, ...b.aliases, ...b.models.map((m) => m.name));
  for (const l of synth(r, bigNames, 4000)) emit("big", score(l, mBig));
  const mBig2 = deserialize(serialize(mBig));
  for (const l of synth(r, bigNames, 1000)) emit("big:ser", score(l, mBig2));
  for (const l of synth(r, bigNames, 400, 200)) emit("big:long", score(l, mBig2));

  const benchBrands = generatedBrands(rng(42));
  const mBench = deserialize(
    serialize(compile([{ ...pack, id: "bench", brands: benchBrands }], { now: "2026-01-01" })),
  );
  const br = rng(42);
  generatedBrands(br);
  const listing = makeListing(br, benchBrands, 2048);
  emit("bench:2k", score(listing, mBench));
  emit("bench:20k", score({ ...listing, description: prose(br, 20_480) }, mBench));
  return lines;
}

function main(): void {
  const mode = process.argv[2];
  if (mode !== "record" && mode !== "check") {
    console.error("usage: npx tsx bench/golden.ts record|check");
    process.exit(2);
  }
  mkdirSync(OUT, { recursive: true });
  if (mode === "record") copyFileSync(join(ROOT, "public", "packs", "default.json"), PACK_SNAPSHOT);
  else if (!existsSync(GOLDEN) || !existsSync(PACK_SNAPSHOT)) {
    console.error("golden: nothing recorded yet; run `npx tsx bench/golden.ts record` on the trusted engine first");
    process.exit(2);
  }
  const pack = JSON.parse(readFileSync(PACK_SNAPSHOT, "utf8")) as RulePack;
  const lines = fingerprint(pack);
  const text = `${lines.join("\n")}\n`;
  if (mode === "record") {
    writeFileSync(GOLDEN, text);
    console.log(`golden: recorded ${lines.length} lines to ${GOLDEN}`);
    return;
  }
  writeFileSync(CHECK, text);
  const want = readFileSync(GOLDEN, "utf8").split("\n");
  const got = text.split("\n");
  let diffs = 0;
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    if (want[i] === got[i]) continue;
    if (++diffs <= 5) console.log(`line ${i + 1}\n  want ${want[i]?.slice(0, 400)}\n  got  ${got[i]?.slice(0, 400)}`);
  }
  if (diffs === 0) console.log(`golden: SAME (${lines.length} lines)`);
  else {
    console.log(`golden: DIFF (${diffs} lines differ; full output in ${CHECK})`);
    process.exit(1);
  }
}

main();
