/**
 * Layer boundaries, enforced as part of `npm run lint`:
 *   - src/engine imports only src/shared (and itself): it must run in the
 *     service worker, Node tests, the CLI and benchmarks alike (no browser API);
 *   - src/content never imports src/background, src/popup or src/options;
 *   - src/shared imports nothing from the other layers.
 * Also forbids browser globals in src/engine (chrome., browser., webextension-polyfill).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const SRC = join(ROOT, "src");

type Layer = "engine" | "content" | "background" | "popup" | "options" | "workspace" | "shared";

const ALLOWED: Record<Layer, Layer[]> = {
  engine: ["engine", "shared"],
  shared: ["shared"],
  content: ["content", "shared", "engine"],
  background: ["background", "shared", "engine"],
  popup: ["popup", "shared", "engine"],
  options: ["options", "shared", "engine", "popup"],
  workspace: ["workspace", "shared", "engine", "popup"],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function layerOf(src: string, path: string): Layer | null {
  const top = relative(src, path).split("/")[0];
  return top && top in ALLOWED ? (top as Layer) : null;
}

const IMPORT = /(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

export function violations(src = SRC): string[] {
  const out: string[] = [];
  for (const file of files(src)) {
    const from = layerOf(src, file);
    if (!from) continue;
    const source = readFileSync(file, "utf8");
    for (const m of source.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? "";
      if (from === "engine" && /webextension-polyfill|^idb$|^preact/.test(spec)) {
        out.push(`${relative(ROOT, file)}: the engine must not import "${spec}"`);
      }
      if (!spec.startsWith(".")) continue;
      const to = layerOf(src, resolve(dirname(file), spec));
      if (to && !ALLOWED[from].includes(to))
        out.push(`${relative(ROOT, file)}: ${from} must not import ${to} ("${spec}")`);
    }
    if (
      from === "engine" &&
      !file.endsWith(".test.ts") &&
      /\b(chrome|browser)\.\w+/.test(source.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ""))
    ) {
      out.push(`${relative(ROOT, file)}: the engine must not use browser APIs`);
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = violations();
  for (const v of found) console.error(v);
  if (found.length > 0) process.exit(1);
  console.log("layers: ok");
}
