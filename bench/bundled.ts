/**
 * `tsx bench/bundled.ts SCRIPT [ARGS...]`: runs SCRIPT as the extension's build ships code, one bundle
 * (cli/lib/bundle.ts: through tsx's loader the engine scores about 10 % slower, which is not what a shopper's browser
 * runs), in a child Node process with ARGS; its exit code is this one's. The bundle is written beside SCRIPT (so that
 * import.meta.dirname reads the same) under a hidden name, and removed afterwards.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { bundleForNode } from "../cli/lib/bundle.ts";

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error("usage: tsx bench/bundled.ts SCRIPT [ARGS...]");
  process.exit(2);
}
const entry = resolve(script);
const out = join(dirname(entry), `.bundled-${basename(entry, ".ts")}-${process.pid}.mjs`);
let status = 1;
try {
  bundleForNode(entry, out);
  status = spawnSync(process.execPath, [out, ...args], { stdio: "inherit" }).status ?? 1;
} finally {
  rmSync(out, { force: true });
}
process.exit(status);
