/**
 * TypeScript run in Node as the extension's build ships code: one bundle made by esbuild (the compiler tsx itself
 * uses), not minified, function names not kept. Run through tsx's loader instead, every function keeps its name with
 * a call at each closure's creation, and the engine scores about 10 % slower; the results are the same. Used by
 * `npm run bench` (bench/bundled.ts) and by the score command's workers.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { buildSync, version } from "esbuild";

/** What every bundle here is: one Node 20 module. */
const NODE_BUNDLE = { bundle: true, platform: "node", target: "node20" } as const;
/** A bundle returned as CommonJS text, not written. */
const IN_MEMORY = { write: false, format: "cjs", logLevel: "silent" } as const;

/**
 * `entry` and all it imports as one Node 20 module. Written to `outfile` as ESM (import.meta reads as it would
 * beside the entry); without one, returned as CommonJS, as a worker started with `eval: true` runs it.
 */
export function bundleForNode(entry: string, outfile?: string): string {
  const where = outfile ? ({ outfile, format: "esm", logLevel: "error" } as const) : IN_MEMORY;
  return buildSync({ entryPoints: [entry], ...NODE_BUNDLE, ...where }).outputFiles?.[0]?.text ?? "";
}

/** A bundle kept between runs: its text and the SHA-256 of each file it was made from (esbuild's inputs). */
interface KeptBundle {
  esbuild: string;
  entry: string;
  inputs: Record<string, string>;
  text: string;
}

const sha256 = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

/**
 * bundleForNode's in-memory CommonJS bundle of `entry`, kept in `dir` between runs (bundling the score command's
 * worker took about 0.3 s of each run's start). The kept text is used only while every file esbuild read to make it
 * has the same bytes (and esbuild the same version); otherwise the entry is bundled again and the file replaced
 * (written to a temporary name, then renamed). A cache that cannot be read or written only costs the bundling.
 */
export function bundleForNodeKept(entry: string, dir: string | null): string {
  const file = dir ? join(dir, `bundle-${createHash("sha256").update(entry).digest("hex").slice(0, 16)}.json`) : null;
  if (file) {
    try {
      const kept = JSON.parse(readFileSync(file, "utf8")) as KeptBundle;
      if (
        kept.esbuild === version &&
        kept.entry === entry &&
        typeof kept.text === "string" &&
        Object.entries(kept.inputs).every(([path, hash]) => sha256(path) === hash)
      )
        return kept.text;
    } catch {
      // Not there, unreadable, or an input gone: bundle again.
    }
  }
  const r = buildSync({ entryPoints: [entry], ...NODE_BUNDLE, ...IN_MEMORY, metafile: true });
  const text = r.outputFiles[0]?.text ?? "";
  if (file && dir && text) {
    try {
      const inputs: Record<string, string> = {};
      for (const path of Object.keys(r.metafile.inputs)) inputs[resolve(path)] = sha256(resolve(path));
      mkdirSync(dir, { recursive: true });
      // A temporary name starting with "." (compiled-cache.ts prunes such files left over by a stopped run).
      const tmp = join(dir, `.${basename(file)}.${process.pid}.${Date.now()}`);
      writeFileSync(tmp, JSON.stringify({ esbuild: version, entry, inputs, text } satisfies KeptBundle));
      renameSync(tmp, file);
    } catch {
      // A cache that cannot be written only costs the time.
    }
  }
  return text;
}
