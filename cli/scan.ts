/**
 * `npm run -s scan -- [--generic-only] --url URL FILE`
 * `npm run -s scan -- [--generic-only] --batch LIST.tsv` (lines `URL<TAB>FILE`)
 *
 * Prints one JSON object per page: {"url", "listing", "ms"} plus "verdict"
 * when the engine and public/packs/default.json are available. FILE is
 * .html or .html.gz in whatever charset it declares. A bad file gives
 * {"url", "error"} on its line and the batch goes on. The pack is validated
 * and its compiled rules kept as `npm run score` does (lib/compiled-cache.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { extractListing } from "../src/content/pipeline.ts";
import { errorMessage } from "../src/shared/error-message.ts";
import type { Listing } from "../src/shared/listing.ts";
import { loadPage } from "../src/shared/load-html.node.ts";
import { isCommand } from "../src/shared/run-as-command.node.ts";

export type Scorer = (listing: Listing) => unknown;

const PACK = join(import.meta.dirname, "..", "public", "packs", "default.json");

export interface ScorerOptions {
  /** The pack file (default: public/packs/default.json). */
  pack?: string;
  /** Where compiled rules are kept between runs, as `npm run score` keeps them (lib/compiled-cache.ts); null: none. */
  cacheDir?: string | null;
}

/**
 * The engine scores when it and the pack exist; otherwise the verdict is left out (said once on stderr). The pack is
 * read, validated (its warnings on stderr) and compiled as `npm run score` does, its compiled rules kept in
 * COPYCATCH_CACHE_DIR or the score command's cache.
 */
export async function loadScorer(options: ScorerOptions = {}): Promise<Scorer | null> {
  const pack = options.pack ?? PACK;
  if (!existsSync(pack)) {
    console.error(`scan: no verdict (${pack} missing)`);
    return null;
  }
  try {
    const engine = await import("../src/engine/index.ts");
    const cache = await import("./lib/compiled-cache.ts");
    const cacheDir = options.cacheDir === undefined ? cache.cacheDirFromEnv() : options.cacheDir;
    const { matcher, warnings } = cache.compiledPacks([pack], cacheDir, (t) => console.error(`scan: ${t}`));
    for (const w of warnings) console.error(w);
    // Judged now, as the extension judges a listing when it arrives (a seller's and an exchange rate's age).
    return (listing) => engine.score(listing, matcher, new Date().toISOString());
  } catch (error) {
    console.error(`scan: no verdict (${errorMessage(error)})`);
    return null;
  }
}

function scanOne(url: string, file: string, adapters: boolean, scorer: Scorer | null): Record<string, unknown> {
  try {
    new URL(url);
    if (!existsSync(file)) throw new Error(`no such file: ${file}`);
    const doc = loadPage(file);
    const t0 = performance.now();
    const { listing } = extractListing(doc, url, { adapters, budgetMs: 5_000 });
    const ms = Math.round((performance.now() - t0) * 100) / 100;
    const out: Record<string, unknown> = { url, listing, ms };
    if (scorer && listing) {
      try {
        out.verdict = scorer(listing);
      } catch (error) {
        out.verdictError = errorMessage(error);
      }
    }
    return out;
  } catch (error) {
    return { url, error: errorMessage(error) };
  }
}

function usage(): never {
  console.error("usage: scan [--generic-only] --url URL FILE | scan [--generic-only] --batch LIST.tsv");
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const adapters = !argv.includes("--generic-only");
  const args = argv.filter((a) => a !== "--generic-only");
  const scorer = await loadScorer();
  if (args[0] === "--url" && args[1] && args[2]) {
    console.log(JSON.stringify(scanOne(args[1], args[2], adapters, scorer)));
    return;
  }
  if (args[0] === "--batch" && args[1]) {
    const list = resolve(args[1]);
    const base = dirname(list);
    for (const line of readFileSync(list, "utf8").split(/\r?\n/)) {
      if (!line.trim() || line.startsWith("#")) continue;
      const [url = "", file = ""] = line.split("\t");
      if (!file) {
        console.log(JSON.stringify({ url, error: "line is not URL<TAB>FILE" }));
        continue;
      }
      console.log(JSON.stringify(scanOne(url.trim(), resolve(base, file.trim()), adapters, scorer)));
    }
    return;
  }
  usage();
}

if (isCommand(import.meta.url)) await main(process.argv.slice(2));
