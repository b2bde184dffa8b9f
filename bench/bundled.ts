/**
 * `tsx bench/bundled.ts SCRIPT [ARGS...]`: runs SCRIPT as the extension's build ships code, one bundle made by
 * esbuild (not minified, function names not kept), in a child Node process with ARGS; its exit code is this one's.
 *
 * Run through tsx's loader instead, every function keeps its name with a call at each closure's creation: the engine
 * scores about 10 % slower than the same code built, which is not what a shopper's browser runs. The bundle is
 * written beside SCRIPT (so that import.meta.dirname reads the same) under a hidden name, and removed afterwards.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { buildSync } from "esbuild";

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error("usage: tsx bench/bundled.ts SCRIPT [ARGS...]");
  process.exit(2);
}
const entry = resolve(script);
const out = join(dirname(entry), `.bundled-${basename(entry, ".ts")}-${process.pid}.mjs`);
let status = 1;
try {
  buildSync({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
  });
  status = spawnSync(process.execPath, [out, ...args], { stdio: "inherit" }).status ?? 1;
} finally {
  rmSync(out, { force: true });
}
process.exit(status);
