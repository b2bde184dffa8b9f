/**
 * `npx tsx scripts/eval-leak.ts`: shows that no rule was written from an
 * evaluation row. Scans the default pack's sources and built form
 * (scripts/default-pack/, packs/, public/packs/) and the engine's code and data
 * (src/engine, tests excepted) for any labeled record's id, and for any
 * labeled title of four words or more copied verbatim (compared after NFKC,
 * lower case and collapsed white space). Exits 1 and lists each hit.
 * Comments in TypeScript are not rules: a copy there is listed as a warning
 * (reword the example) but does not fail.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { AhoCorasick } from "@monyone/aho-corasick";
import { isCommand } from "../src/shared/run-as-command.node.ts";

const ROOT = join(import.meta.dirname, "..");
const LABELED = join(ROOT, "fixtures", "labeled");
/** Where rules and engine knowledge live. */
export const RULE_ROOTS = ["scripts/default-pack", "packs", "public/packs", "src/engine"];
const TEXT = /\.(ts|json|csv|tsv|txt|ya?ml)$/;
export const MIN_TITLE_WORDS = 4;

export const norm = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

export interface EvalRecord {
  id: string;
  title: string;
}

export interface RuleText {
  file: string;
  /** Code and data (comments removed). */
  text: string;
  /** Comments only. */
  comments: string;
}

/** Each hit: "FILE: id ID" or "FILE: title "TITLE" (ID)"; `in` picks code and data or comments. */
export function leaks(
  records: readonly EvalRecord[],
  texts: readonly RuleText[],
  where: "text" | "comments" = "text",
): string[] {
  const titles = records.map((r) => {
    const title = norm(r.title);
    return title.split(" ").length >= MIN_TITLE_WORDS ? title : "";
  });
  const ids = new Matcher(records.map((r) => r.id));
  const copies = new Matcher(titles);
  // Which patterns each file holds, found in one pass over the file (not one search per record and file).
  const found = texts.map((t) => ({ ids: ids.find(t[where]), titles: copies.find(norm(t[where])) }));
  const out: string[] = [];
  records.forEach((r, i) => {
    texts.forEach((t, f) => {
      if (found[f]?.ids.has(i)) out.push(`${t.file}: id ${r.id}`);
      if (found[f]?.titles.has(i)) out.push(`${t.file}: title "${r.title}" (${r.id})`);
    });
  });
  return out;
}

/** Which of many patterns occur in a text, in one pass over the text (Aho-Corasick). An empty pattern never matches. */
export class Matcher {
  private readonly automaton: AhoCorasick;
  private readonly indices = new Map<string, number[]>();

  constructor(patterns: readonly string[]) {
    patterns.forEach((p, i) => {
      if (p) this.indices.set(p, [...(this.indices.get(p) ?? []), i]);
    });
    this.automaton = new AhoCorasick([...this.indices.keys()]);
  }

  /** The indices of the patterns that occur in `text`. */
  find(text: string): Set<number> {
    const hits = new Set<number>();
    for (const m of this.automaton.matchInText(text)) for (const i of this.indices.get(m.keyword) ?? []) hits.add(i);
    return hits;
  }
}

const COMMENT = /\/\*[\s\S]*?\*\/|(^|\s)\/\/[^\n]*/g;

/** A TypeScript file split into code and comments (a `//` right after a non-space, as in a URL, is code). */
export function splitComments(source: string): { text: string; comments: string } {
  const comments = (source.match(COMMENT) ?? []).join("\n");
  return { text: source.replace(COMMENT, "$1"), comments };
}

function walk(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return walk(path, pattern);
      return pattern.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
    });
}

/** JSON is read as its string values joined, so escapes do not hide a copy. */
function textOf(path: string): { text: string; comments: string } {
  const raw = readFileSync(path, "utf8");
  if (path.endsWith(".ts")) return splitComments(raw);
  if (!path.endsWith(".json")) return { text: raw, comments: "" };
  const values: string[] = [];
  JSON.parse(raw, (_k, v) => {
    if (typeof v === "string") values.push(v);
    return v;
  });
  return { text: `${raw}\n${values.join("\n")}`, comments: "" };
}

export function ruleTexts(root = ROOT): RuleText[] {
  return RULE_ROOTS.flatMap((d) => walk(join(root, d), TEXT)).map((p) => ({ file: relative(root, p), ...textOf(p) }));
}

export function evalRecords(dir = LABELED): EvalRecord[] {
  return walk(dir, /\.jsonl$/).flatMap((p) =>
    readFileSync(p, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => {
        const r = JSON.parse(l) as { id?: unknown; title?: unknown };
        return { id: typeof r.id === "string" ? r.id : "", title: typeof r.title === "string" ? r.title : "" };
      }),
  );
}

if (isCommand(import.meta.url)) {
  const records = evalRecords();
  const texts = ruleTexts();
  const found = leaks(records, texts);
  for (const f of leaks(records, texts, "comments")) console.error(`warning, in a comment: ${f}`);
  for (const f of found) console.error(f);
  console.log(
    `${records.length} evaluation records against ${texts.length} rule and engine files: ${found.length} copies`,
  );
  if (found.length) process.exit(1);
}
