/**
 * TypeScript run in Node as the extension's build ships code: one bundle made by esbuild (the compiler tsx itself
 * uses), not minified, function names not kept. Run through tsx's loader instead, every function keeps its name with
 * a call at each closure's creation, and the engine scores about 10 % slower; the results are the same. Used by
 * `npm run bench` (bench/bundled.ts) and by the score command's workers.
 */
import { buildSync } from "esbuild";

/**
 * `entry` and all it imports as one Node 20 module. Written to `outfile` as ESM (import.meta reads as it would
 * beside the entry); without one, returned as CommonJS, as a worker started with `eval: true` runs it.
 */
export function bundleForNode(entry: string, outfile?: string): string {
  const where = outfile
    ? ({ outfile, format: "esm", logLevel: "error" } as const)
    : ({ write: false, format: "cjs", logLevel: "silent" } as const);
  return (
    buildSync({ entryPoints: [entry], bundle: true, platform: "node", target: "node20", ...where }).outputFiles?.[0]
      ?.text ?? ""
  );
}
