/**
 * Compiles Unicode's confusables (UTS #39 confusables.txt, as the npm package
 * unhomoglyph ships it in data.json) into src/engine/data/confusables.json:
 * the look-alike letters the engine folds to the Latin letter they imitate
 * (fold.ts), so a brand written with them ("Nіkе" with Cyrillic і and е,
 * "ɢᴜᴄᴄɪ" in small capitals) is found, and its disguise reported.
 *   npx tsx scripts/build-confusables.ts          writes the file
 *   npx tsx scripts/build-confusables.ts --check  exits 1 when the committed file differs from a fresh build
 *
 * What is kept of the ~6,300 mappings (each source is one code point):
 * - letters only, mapped to letters only: a letter whose skeleton is a digit
 *   (Cyrillic З → 3, б → 6) would split the words of its own script, and
 *   digits keep their value (leetspeak is obfuscation.ts's business);
 * - skeletons made of ASCII letters once their marks are dropped (Cyrillic е
 *   → e, ø → o̸ → o), since the engine drops marks from text anyway;
 * - not what Unicode's compatibility decomposition already folds (full-width
 *   and mathematical letters, ſ → s): fold.ts does NFKD itself, and it wins;
 * - letters of scripts someone writes a listing in only as look-alikes of
 *   Latin (SCRIPTS below). Right-to-left scripts and the scripts of Asia and
 *   Africa are not folded: their look-alikes of Latin (Arabic ه for o, Hebrew
 *   ו for l) are ordinary letters of their words and brand names, and a disguise
 *   in them would be written against the Latin word's direction or shape.
 *   Cyrillic, Greek and Armenian are folded, as the engine always did: names
 *   in them fold the same way in patterns and text, and a hit wholly in one of
 *   them that matches a name in that script is not a disguise (obfuscation.ts);
 *   their letters map to one Latin letter only (not Ю → lO, ы → ƅi).
 *
 * Case: confusables.txt compares shapes, so capital Ι (Greek iota) has the
 * skeleton of l; the engine matches without case, so a capital maps to the
 * ASCII capital of that skeleton (I, hence i) and a small letter to the ASCII
 * small one. A small letter whose skeleton is a Latin letter outside ASCII
 * (н → ʜ, т → ᴛ) stands for its capital's letter in small capitals (Н → H),
 * and so does that skeleton and the rest of its class (ʜ itself), unless it
 * is a letter of a European alphabet (ß, the skeleton of β, stays ß).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { isCommand } from "../src/shared/run-as-command.node.ts";

export const CONFUSABLES_FILE = fileURLToPath(new URL("../src/engine/data/confusables.json", import.meta.url));

/** Scripts whose look-alike letters are folded (Unicode Script property values). */
export const SCRIPTS = [
  "Latin",
  "Common",
  "Inherited",
  "Greek",
  "Cyrillic",
  "Armenian",
  "Cherokee",
  "Coptic",
  "Lisu",
  "Canadian_Aboriginal",
  "Deseret",
  "Old_Italic",
  "Runic",
  "Gothic",
  "Carian",
  "Lycian",
  "Elbasan",
  "Warang_Citi",
  "Osage",
  "Old_Permic",
  "Caucasian_Albanian",
] as const;
/** Scripts with their own brand spellings: one Latin letter per letter. */
const NATIVE = new Set(["Greek", "Cyrillic", "Armenian"]);

const SCRIPT_RES = SCRIPTS.map((s) => [s, new RegExp(`^\\p{Script=${s}}$`, "u")] as const);
function scriptOf(ch: string): string | null {
  return SCRIPT_RES.find(([, re]) => re.test(ch))?.[0] ?? null;
}

const single = (s: string) => [...s].length === 1;
const isLetter = (s: string) => /^\p{L}$/u.test(s);
/** Marks dropped, compatibility forms decomposed, case kept. */
const bare = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "");
const asciiLetters = (s: string) => /^[A-Za-z]+$/.test(s);

export interface ConfusablesSource {
  /** Package name and version the data came from. */
  package: string;
  /** Source code point → skeleton, as in confusables.txt. */
  map: Record<string, string>;
}

export function readSource(): ConfusablesSource {
  const require = createRequire(import.meta.url);
  const pkg = require("unhomoglyph/package.json") as { name: string; version: string };
  return { package: `${pkg.name} ${pkg.version}`, map: require("unhomoglyph/data.json") as Record<string, string> };
}

/** The look-alike letters kept, each with the lowercase ASCII letters it folds to. */
export function compile(map: Record<string, string>): Map<string, string> {
  // The ASCII letters by their own skeletons: capital I and small l share "l", so Ι → I and ӏ → l.
  const upper = new Map<string, string>();
  const lower = new Map<string, string>();
  for (let c = 65; c <= 90; c++) {
    const u = String.fromCharCode(c);
    const l = u.toLowerCase();
    if (!upper.has(bare(map[u] ?? u))) upper.set(bare(map[u] ?? u), u);
    if (!lower.has(bare(map[l] ?? l))) lower.set(bare(map[l] ?? l), l);
  }
  // Non-ASCII letters of the scripts above that NFKD does not fold to ASCII letters itself (𝐀 → A, ſ → s).
  const eligible = (ch: string) =>
    single(ch) &&
    (ch.codePointAt(0) ?? 0) >= 128 &&
    isLetter(ch) &&
    scriptOf(ch) !== null &&
    !/^[a-z0-9]+$/.test(bare(ch).toLowerCase());
  /** "letters" for a usable skeleton, "digit" for one that is (or holds) a digit, null otherwise. */
  const own = (ch: string): string | "digit" | null => {
    const target = map[ch];
    if (target === undefined) return null;
    const b = bare(target);
    if (/[0-9]/.test(b)) return "digit";
    if (!asciiLetters(b)) return null;
    if (b.length > 1) return NATIVE.has(scriptOf(ch) ?? "") ? null : b.toLowerCase();
    if (/^\p{Lu}$/u.test(ch)) return (upper.get(b) ?? b).toLowerCase();
    if (/^\p{Ll}$/u.test(ch)) return lower.get(b) ?? b.toLowerCase();
    return b.toLowerCase();
  };
  const out = new Map<string, string>();
  const sources = Object.keys(map).filter(eligible);
  for (const ch of sources) {
    const o = own(ch);
    if (o === "digit") continue;
    if (o !== null) {
      out.set(ch, o);
      continue;
    }
    // A small letter shaped like a Latin small capital (its skeleton is a Latin letter, not ASCII): its capital's.
    const cap = ch.toUpperCase();
    const shape = bare(map[ch] ?? "");
    if (/^\p{Ll}$/u.test(ch) && single(shape) && /^\p{Script=Latin}$/u.test(shape) && cap !== ch && single(cap)) {
      const c = own(cap);
      if (c !== null && c !== "digit" && c.length === 1) out.set(ch, c);
    }
  }
  // Skeletons that are no Latin letter (ʜ, ĸ, ᴛ): the one letter their class folds to, if there is one.
  const classes = new Map<string, string[]>();
  for (const [src, target] of Object.entries(map)) {
    if (!classes.has(target)) classes.set(target, []);
    classes.get(target)?.push(src);
  }
  for (const [skeleton, members] of classes) {
    // Not the letters of European alphabets (Latin-1, Latin Extended-A): ß is not a b, ĸ not a k.
    const cp = skeleton.codePointAt(0) ?? 0;
    const european = cp >= 0xc0 && cp <= 0x17f;
    if (!eligible(skeleton) || out.has(skeleton)) continue;
    const letters = new Set(members.flatMap((m) => (out.has(m) ? [out.get(m) as string] : [])));
    if (letters.size !== 1) continue;
    const letter = [...letters][0] as string;
    if (!european) out.set(skeleton, letter);
    for (const m of members) if (eligible(m) && !out.has(m) && own(m) !== "digit") out.set(m, letter);
  }
  // What fold.ts reaches anyway by decomposing (𝛂 → α → a, ё → е + ̈ → e) needs no entry of its own.
  for (const [ch, letter] of [...out]) {
    const decomposed = ch.normalize("NFKD");
    if (decomposed === ch) continue;
    const reached = [...bare(decomposed).toLowerCase()].map((c) => (c.charCodeAt(0) < 128 ? c : (out.get(c) ?? c)));
    if (reached.join("") === letter) out.delete(ch);
  }
  return out;
}

/** The JSON the engine imports: Latin letters → the look-alikes folded to them, sorted by code point. */
export function confusablesJson(source: ConfusablesSource = readSource()): string {
  const byTarget = new Map<string, string[]>();
  for (const [ch, target] of compile(source.map)) {
    if (!byTarget.has(target)) byTarget.set(target, []);
    byTarget.get(target)?.push(ch);
  }
  const fold: Record<string, string> = {};
  for (const target of [...byTarget.keys()].sort()) {
    const chars = (byTarget.get(target) ?? []).sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0));
    fold[target] = chars.join("");
  }
  const data = {
    about:
      "Look-alike letters folded to the Latin letters they imitate (src/engine/fold.ts), generated by scripts/build-confusables.ts from Unicode's confusables.txt (UTS #39) as the package named in 'source' ships it. Do not edit: change the script's rules or the package version and run it again.",
    source: `${source.package} (data.json: Unicode confusables.txt 13.0.0)`,
    scripts: SCRIPTS,
    count: Object.values(fold).reduce((n, s) => n + [...s].length, 0),
    fold,
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

function main(): void {
  const json = confusablesJson();
  if (process.argv.includes("--check")) {
    if (readFileSync(CONFUSABLES_FILE, "utf8") !== json) {
      console.error("src/engine/data/confusables.json is out of date: run npx tsx scripts/build-confusables.ts");
      process.exit(1);
    }
    return;
  }
  writeFileSync(CONFUSABLES_FILE, json);
  console.log(`wrote ${CONFUSABLES_FILE}: ${JSON.parse(json).count} look-alike letters`);
}

if (isCommand(import.meta.url)) main();
