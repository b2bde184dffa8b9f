/**
 * The part of `npm start` that shows what the engine catches on real
 * counterfeit-intent listings: records from the labeled files in
 * fixtures/labeled (title, price, seller as the source gave them; not pages, so
 * no browser), scored in Node with the default pack. Chosen by a fixed rule,
 * not by result: the first PER_SOURCE counterfeit records of each source, in
 * file order. Run alone: `npx tsx scripts/demo-records.ts`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadPack, toListing } from "../cli/lib/score-lines.ts";
import { compile } from "../src/engine/compiler.ts";
import { score } from "../src/engine/index.ts";
import { isCommand } from "../src/shared/run-as-command.node.ts";
import type { Verdict } from "../src/shared/verdict.ts";
import { sourceOf } from "./eval-detect-lib.ts";

const ROOT = join(import.meta.dirname, "..");
const FILES = ["dev.jsonl", "native-dev.jsonl", "more/replica-catalogues.jsonl"];
export const PER_SOURCE = 2;

export interface DemoRecord {
  source: string;
  id: string;
  title: string;
  price: string;
  verdict: Verdict;
}

/** The first PER_SOURCE counterfeit-labelled records of every source, scored. */
export function demoRecords(packFile = join(ROOT, "public", "packs", "default.json")): DemoRecord[] {
  const matcher = compile([loadPack(packFile)]);
  // Judged now, as the extension judges a listing when it arrives.
  const now = new Date().toISOString();
  const taken = new Map<string, number>();
  const out: DemoRecord[] = [];
  for (const file of FILES) {
    for (const line of readFileSync(join(ROOT, "fixtures", "labeled", file), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const raw = JSON.parse(line) as Record<string, unknown>;
      if (raw.label !== "counterfeit") continue;
      const source = sourceOf(file, raw);
      const n = taken.get(source) ?? 0;
      if (n >= PER_SOURCE) continue;
      taken.set(source, n + 1);
      const listing = toListing(raw);
      out.push({
        source,
        id: String(raw.id),
        title: listing.title ?? "",
        price: listing.price ? `${listing.price.amount} ${listing.price.currency}` : "-",
        verdict: score(listing, matcher, now),
      });
    }
  }
  return out;
}

export function printDemoRecords(rows: DemoRecord[]): void {
  console.log(
    `Real counterfeit-intent listings from the labeled files (records: title, price and seller as their source gave them, not pages), the first ${PER_SOURCE} of each source, scored in Node with the default pack:\n`,
  );
  const widths = [22, 8, 5, 48, 14];
  const row = (cells: string[]) => cells.map((c, i) => c.slice(0, widths[i]).padEnd(widths[i] ?? 0)).join("  ");
  console.log(`${row(["source", "risk", "score", "title", "price"])}  reasons`);
  console.log(`${row(widths.map((w) => "-".repeat(w)))}  ${"-".repeat(40)}`);
  for (const r of rows) {
    const reasons = r.verdict.reasons
      .map(
        (x) =>
          `${x.signal}${x.evidence ? ` "${x.evidence.text.slice(0, 30)}"` : ""} ${x.weight > 0 ? "+" : ""}${x.weight}`,
      )
      .join("; ");
    console.log(`${row([r.source, r.verdict.risk, String(r.verdict.score), r.title, r.price])}  ${reasons || "-"}`);
  }
  const count = (risk: string) => rows.filter((r) => r.verdict.risk === risk).length;
  console.log(
    `\n${rows.length} records: ${count("high")} high, ${count("medium")} medium, ${count("low")} low, ${count("unknown")} unknown. Per-source figures on all records: npm run eval:detect.\n`,
  );
}

if (isCommand(import.meta.url)) printDemoRecords(demoRecords());
