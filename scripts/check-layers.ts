/**
 * Layer boundaries, enforced as part of `npm run lint`:
 *   - src/engine imports only src/shared (and itself): it must run in the
 *     service worker, Node tests, the CLI and benchmarks alike (no browser API);
 *   - src/content never imports src/background, src/popup or src/options;
 *   - src/shared imports nothing from the other layers.
 * Also forbids browser globals in src/engine (chrome., browser., webextension-polyfill),
 * and keeps the rule compiler out of scoring: nothing reachable from the
 * scoring entry (src/engine/index.ts) imports src/engine/compile.ts or the
 * compiler entry (src/engine/compiler.ts).
 *
 * And between the top-level folders: src (what ships) never imports cli/,
 * scripts/, bench/ or e2e/ (its unit tests may import the cli/ and scripts/
 * code they test); cli/ imports only src; scripts/ and bench/ never import
 * e2e/ (what the demo shares with the browser tests lives in scripts/lib/);
 * e2e/ never imports bench/.
 *
 * And no HTML sinks in shipped code (innerHTML, outerHTML, insertAdjacentHTML,
 * document.write, dangerouslySetInnerHTML): page text reaches our pages and
 * the content script, and must stay text.
 *
 * Inside src/content: base/ (context and patch types, DOM helpers) imports
 * no other content folder; extract/ (generic layers) and sites/ (adapters)
 * import base/ but never each other, so no cycle can form between them; only
 * the files at content's top (pipeline.ts, main.iife.ts) join the two, and
 * tests beside the code may import the pipeline.
 * Node-only test helpers live in test-support/ at the repository root: no
 * source file imports them, only tests (*.test.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { isCommand } from "../src/shared/run-as-command.node.ts";

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

type Top = "src" | "cli" | "scripts" | "bench" | "e2e";

const TOP_ALLOWED: Record<Top, Top[]> = {
  src: ["src"],
  cli: ["cli", "src"],
  scripts: ["scripts", "src", "cli"],
  bench: ["bench", "src", "cli"],
  e2e: ["e2e", "src", "cli", "scripts"],
};
/** Unit tests beside src code may import the Node code they test. */
const SRC_TESTS_ALSO: Top[] = ["cli", "scripts"];

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name === "node_modules") return [];
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

function topOf(root: string, path: string): Top | null {
  const top = relative(root, path).split("/")[0];
  return top && top in TOP_ALLOWED ? (top as Top) : null;
}

const HTML_SINK = /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML)\b|\bdocument\.write(ln)?\s*\(/;

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, "$1");
}

/** HTML sinks in shipped src code (tests may build DOM fixtures as they like). */
export function sinkViolations(src = SRC): string[] {
  const out: string[] = [];
  for (const file of files(src)) {
    if (/\.test\.tsx?$|\.node\.ts$/.test(file)) continue;
    const m = HTML_SINK.exec(withoutComments(readFileSync(file, "utf8")));
    if (m) out.push(`${relative(ROOT, file)}: "${m[0]}" writes HTML; build nodes or use textContent`);
  }
  return out;
}

/** Imports across the top-level folders (src, cli, scripts, bench, e2e) of `root`. */
export function topViolations(root = ROOT): string[] {
  const out: string[] = [];
  for (const from of Object.keys(TOP_ALLOWED) as Top[]) {
    for (const file of files(join(root, from))) {
      const isTest = /\.test\.tsx?$/.test(file);
      const allowed = from === "src" && isTest ? [...TOP_ALLOWED.src, ...SRC_TESTS_ALSO] : TOP_ALLOWED[from];
      for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? "";
        if (!spec.startsWith(".")) continue;
        const to = topOf(root, resolve(dirname(file), spec));
        if (to && !allowed.includes(to))
          out.push(`${relative(root, file)}: ${from}/ must not import ${to}/ ("${spec}")`);
      }
    }
  }
  return out;
}

const COMPILER = ["engine/compile.ts", "engine/compiler.ts"];

/** Modules reachable from the scoring entry that import the compiler, with the path that reaches them. */
export function scoringImportsCompiler(src = SRC): string[] {
  const entry = join(src, "engine", "index.ts");
  const compiler = new Set(COMPILER.map((f) => join(src, f)));
  const out: string[] = [];
  const via = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    let source: string;
    try {
      source = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const m of source.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? "";
      if (!spec.startsWith(".")) continue;
      const to = resolve(dirname(file), spec);
      if (compiler.has(to)) {
        const chain: string[] = [];
        for (let f: string | null | undefined = file; f; f = via.get(f)) chain.unshift(relative(src, f));
        out.push(
          `${relative(ROOT, file)}: scoring code must not import the compiler ("${spec}"; reached ${chain.join(" -> ")})`,
        );
      } else if (!via.has(to)) {
        via.set(to, file);
        queue.push(to);
      }
    }
  }
  return out;
}

export function violations(src = SRC): string[] {
  const out: string[] = [...scoringImportsCompiler(src)];
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

if (isCommand(import.meta.url)) {
  const found = [...violations(), ...topViolations(), ...sinkViolations()];
  for (const v of found) console.error(v);
  if (found.length > 0) process.exit(1);
  console.log("layers: ok");
}
