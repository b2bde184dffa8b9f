/**
 * Layer boundaries, enforced as part of `npm run lint`:
 *   - src/engine imports only src/shared (and itself): it must run in the
 *     service worker, Node tests, the CLI and benchmarks alike (no browser API);
 *   - src/content never imports src/background, src/popup or src/options;
 *   - src/shared imports nothing from the other layers.
 * Inside src/content: base/ (context and patch types, DOM helpers) imports
 * no other content folder; extract/ (generic layers) and sites/ (adapters)
 * import base/ but never each other, so no cycle can form between them; only
 * the files at content's top (pipeline.ts, main.iife.ts) join the two, and
 * tests beside the code may import the pipeline.
 * Node-only test helpers live in test-support/ at the repository root: no
 * source file imports them, only tests (*.test.ts).
 * Also forbids browser globals in src/engine (chrome., browser., webextension-polyfill).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const SRC = join(ROOT, "src");

type Layer = "engine" | "content" | "background" | "popup" | "options" | "shared";

const ALLOWED: Record<Layer, Layer[]> = {
  engine: ["engine", "shared"],
  shared: ["shared"],
  content: ["content", "shared", "engine"],
  background: ["background", "shared", "engine"],
  popup: ["popup", "shared", "engine"],
  options: ["options", "shared", "engine", "popup"],
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

type ContentPart = "base" | "extract" | "sites" | "top";

const CONTENT_ALLOWED: Record<ContentPart, ContentPart[]> = {
  base: ["base"],
  extract: ["base", "extract"],
  sites: ["base", "sites"],
  top: ["base", "extract", "sites", "top"],
};

/** The folder of src/content a file belongs to; files directly in src/content (and other folders) are "top". */
function contentPartOf(src: string, path: string): ContentPart | null {
  const parts = relative(src, path).split("/");
  if (parts[0] !== "content") return null;
  const part = parts.length > 2 ? parts[1] : "top";
  return part === "base" || part === "extract" || part === "sites" ? part : "top";
}

function contentViolation(src: string, file: string, target: string, spec: string): string | null {
  const from = contentPartOf(src, file);
  const to = contentPartOf(src, target);
  if (!from || !to || CONTENT_ALLOWED[from].includes(to)) return null;
  // A test beside the code may run the whole pipeline (top), never reach into the other folder.
  if (to === "top" && file.endsWith(".test.ts")) return null;
  return `${relative(ROOT, file)}: content/${from} must not import content/${to} ("${spec}")`;
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
      const target = resolve(dirname(file), spec);
      const to = layerOf(src, target);
      if (to && !ALLOWED[from].includes(to))
        out.push(`${relative(ROOT, file)}: ${from} must not import ${to} ("${spec}")`);
      const inner = contentViolation(src, file, target, spec);
      if (inner) out.push(inner);
      if (!file.endsWith(".test.ts") && relative(join(src, "..", "test-support"), target).split("/")[0] !== "..") {
        out.push(`${relative(ROOT, file)}: only tests may import test-support ("${spec}")`);
      }
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
