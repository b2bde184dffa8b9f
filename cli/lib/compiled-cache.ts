/**
 * The compiled rules of `npm run score`, kept on disk between runs: reading and compiling the default pack takes
 * about 0.6 s of a run's start, loading its compiled form a few milliseconds.
 *
 * A compiled form is found by a key over everything it is made from: the compiled format version, the engine's own
 * code and data (the sources under src/engine and src/shared when the command runs from TypeScript, else the running
 * module's file, a bundle holding the compiler) and each pack file's bytes. A changed pack or engine makes a new key,
 * never a stale verdict. The form is checked as it loads (its checksum, by deserialize); an unreadable or damaged
 * file is compiled again and replaced. Writes go to a temporary file renamed into place, so a run stopped halfway
 * (or another run at the same time) leaves no half file. A cache that cannot be written (read-only or full disk) only
 * costs the time: the run goes on with its fresh compile and says so once on stderr. The newest KEEP forms are kept.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { COMPILED_FORMAT_VERSION, compile, serialize } from "../../src/engine/compiler.ts";
import { type CompiledMatcher, deserialize } from "../../src/engine/index.ts";
import { readPack } from "./score-lines.ts";

const ROOT = join(import.meta.dirname, "..", "..");
/** Where compiled forms are kept unless COPYCATCH_CACHE_DIR says otherwise. */
const DEFAULT_CACHE_DIR = join(ROOT, "node_modules", ".cache", "copycatch-score");

/** The cache directory the commands use: COPYCATCH_CACHE_DIR when set, else DEFAULT_CACHE_DIR. */
export function cacheDirFromEnv(): string {
  return process.env.COPYCATCH_CACHE_DIR || DEFAULT_CACHE_DIR;
}
/** Compiled forms kept; older ones are removed when a new one is written. */
const KEEP = 4;

/** The code and data a compiled form depends on, besides the packs. */
function engineDigest(): string {
  const h = createHash("sha256");
  const self = fileURLToPath(import.meta.url);
  if (!self.endsWith(".ts")) return h.update(readFileSync(self)).digest("hex");
  for (const dir of ["src/engine", "src/shared"]) {
    const files = readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
      .filter((f) => /\.(?:ts|json)$/.test(f) && !/\.test\.ts$/.test(f))
      .sort();
    for (const f of files)
      h.update(`${dir}/${f}\0`)
        .update(readFileSync(join(ROOT, dir, f)))
        .update("\0");
  }
  return h.digest("hex");
}

export interface Compiled {
  /** The serialised matcher, as workers load it. */
  bytes: Uint8Array;
  /** The packs' validation warnings, said again on every run. */
  warnings: string[];
  /** Whether the form came from the cache. */
  cached: boolean;
  /** The matcher itself: loaded from the kept form (loading is how it is checked) or just compiled. */
  matcher: CompiledMatcher;
}

/**
 * The packs' compiled form: from `dir` when a form of the same key is there and loads, else compiled (and kept in
 * `dir` when `dir` is not null). `warn` hears why a form could not be read or kept.
 */
export function compiledPacks(files: readonly string[], dir: string | null, warn: (text: string) => void): Compiled {
  const texts = files.map((f) => readFileSync(f));
  const key = createHash("sha256").update(`format ${COMPILED_FORMAT_VERSION}\0${engineDigest()}\0`);
  for (const t of texts) key.update(createHash("sha256").update(t).digest("hex"));
  const name = key.digest("hex").slice(0, 32);
  if (dir) {
    const found = readCached(dir, name, warn);
    if (found) return found;
  }
  const read = texts.map((t, i) => readPack(files[i] ?? "", t.toString("utf8")));
  const warnings = read.flatMap((x) => x.warnings);
  const matcher = compile(read.map((x) => x.pack));
  const bytes = serialize(matcher);
  if (dir) keep(dir, name, bytes, warnings, warn);
  return { bytes, warnings, cached: false, matcher };
}

function readCached(dir: string, name: string, warn: (text: string) => void): Compiled | null {
  let bytes: Uint8Array;
  let warnings: string[];
  try {
    bytes = readFileSync(join(dir, `${name}.bin`));
    warnings = JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8")).warnings as string[];
  } catch {
    return null; // not there: compile
  }
  let matcher: CompiledMatcher;
  try {
    matcher = deserialize(bytes);
    if (!Array.isArray(warnings)) throw new Error("warnings: not a list");
  } catch (error) {
    warn(`compiled rules in ${dir} unreadable (${(error as Error).message}): compiled again`);
    return null;
  }
  return { bytes, warnings, cached: true, matcher };
}

function keep(dir: string, name: string, bytes: Uint8Array, warnings: string[], warn: (text: string) => void): void {
  const tmp = `.${name}.${process.pid}.${Date.now()}`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${tmp}.json`), JSON.stringify({ warnings }));
    writeFileSync(join(dir, `${tmp}.bin`), bytes);
    // The sidecar first: a .bin is only ever found with its warnings beside it.
    renameSync(join(dir, `${tmp}.json`), join(dir, `${name}.json`));
    renameSync(join(dir, `${tmp}.bin`), join(dir, `${name}.bin`));
  } catch (error) {
    warn(`compiled rules not kept in ${dir} (${(error as Error).message}): the next run compiles again`);
    for (const ext of [".json", ".bin"]) {
      try {
        rmSync(join(dir, `${tmp}${ext}`), { force: true });
      } catch {
        // No directory to clean: nothing was written.
      }
    }
    return;
  }
  prune(dir);
}

/** The newest KEEP compiled forms stay; others, and temporary files older than an hour, go. */
function prune(dir: string): void {
  try {
    const now = Date.now();
    const files = readdirSync(dir).map((f) => ({ f, at: statSync(join(dir, f)).mtimeMs }));
    const forms = files.filter((x) => x.f.endsWith(".bin") && !x.f.startsWith(".")).sort((a, b) => b.at - a.at);
    for (const old of forms.slice(KEEP)) {
      const base = old.f.slice(0, -".bin".length);
      for (const ext of [".bin", ".json"]) rmSync(join(dir, `${base}${ext}`), { force: true });
    }
    for (const x of files) if (x.f.startsWith(".") && now - x.at > 3600_000) rmSync(join(dir, x.f), { force: true });
  } catch {
    // Pruning is housekeeping: a file another run removed first is no error.
  }
}
