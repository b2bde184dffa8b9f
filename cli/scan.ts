/**
 * `npm run -s scan -- [--generic-only] --url URL FILE`
 * `npm run -s scan -- [--generic-only] --batch LIST.tsv` (lines `URL<TAB>FILE`)
 *
 * Prints one JSON object per page: {"url", "listing", "ms"} plus "verdict"
 * when the engine and public/packs/default.json are available. FILE is
 * .html or .html.gz in whatever charset it declares. A bad file gives
 * {"url", "error"} on its line and the batch goes on.
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

/** The engine scores when it and the default pack exist; otherwise the verdict is left out (said once on stderr). */
export async function loadScorer(): Promise<Scorer | null> {
  if (!existsSync(PACK)) {
    console.error(`scan: no verdict (${PACK} missing)`);
    return null;
  }
  try {
    const engine = (await import("../src/engine/index.ts")) as Record<string, unknown>;
    const compiler = (await import("../src/engine/compiler.ts")) as Record<string, unknown>;
    const compile = compiler.compile as ((packs: unknown[]) => unknown) | undefined;
    const score = engine.score as ((l: Listing, m: unknown, now: string) => unknown) | undefined;
    if (typeof compile !== "function" || typeof score !== "function")
      throw new Error("engine exports no compile/score");
    const matcher = compile([JSON.parse(readFileSync(PACK, "utf8"))]);
    // Judged now, as the extension judges a listing when it arrives (a seller's and an exchange rate's age).
    return (listing) => score(listing, matcher, new Date().toISOString());
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
