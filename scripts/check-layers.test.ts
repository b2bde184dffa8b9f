import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scratchDirs } from "../test-support/scratch.ts";
import { sinkViolations, topViolations, violations } from "./check-layers.ts";

const tempDir = scratchDirs("layers-");

function tree(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}

describe("layer check", () => {
  it("passes on the real source tree", () => {
    expect(violations()).toEqual([]);
  });
  it("flags content importing background", () => {
    const dir = tree({
      "content/a.ts": 'import { x } from "../background/b.ts";',
      "background/b.ts": "export const x = 1;",
    });
    expect(violations(dir)).toEqual([expect.stringContaining("content must not import background")]);
  });
  it("flags the engine importing anything but shared, or a browser API", () => {
    const dir = tree({
      "engine/a.ts": 'import { y } from "../content/c.ts";\nexport const z = chrome.runtime.id;',
      "content/c.ts": "export const y = 1;",
    });
    const found = violations(dir);
    expect(found).toContainEqual(expect.stringContaining("engine must not import content"));
    expect(found).toContainEqual(expect.stringContaining("must not use browser APIs"));
  });
  it("accepts the engine importing shared", () => {
    const dir = tree({
      "engine/a.ts": 'import type { L } from "../shared/l.ts";',
      "shared/l.ts": "export type L = 1;",
    });
    expect(violations(dir)).toEqual([]);
  });
  it("flags extract/ and sites/ importing each other, and base/ importing either", () => {
    const dir = tree({
      "content/extract/e.ts": 'import { s } from "../sites/s.ts";',
      "content/sites/s.ts": 'import { e } from "../extract/e.ts";\nexport const s = 1;',
      "content/base/b.ts": 'import { s } from "../sites/s.ts";',
      "content/pipeline.ts": 'import { e } from "./extract/e.ts";\nimport { s } from "./sites/s.ts";',
      "content/sites/s.test.ts": 'import { p } from "../pipeline.ts";\nimport { b } from "../base/b.ts";',
    });
    const found = violations(dir);
    expect(found).toContainEqual(expect.stringContaining("content/extract must not import content/sites"));
    expect(found).toContainEqual(expect.stringContaining("content/sites must not import content/extract"));
    expect(found).toContainEqual(expect.stringContaining("content/base must not import content/sites"));
    expect(found).toHaveLength(3);
  });
  it("flags source files importing test-support; tests may", () => {
    const dir = tree({
      "src/content/sites/a.ts": 'import { f } from "../../../test-support/f.ts";',
      "src/content/sites/a.test.ts": 'import { f } from "../../../test-support/f.ts";',
      "test-support/f.ts": "export const f = 1;",
    });
    const found = violations(join(dir, "src"));
    expect(found).toEqual([expect.stringContaining("only tests may import test-support")]);
  });
  it("flags scoring code that reaches the compiler, and lets the compiler entry import it", () => {
    const dir = tree({
      "engine/index.ts": 'export { score } from "./score.ts";',
      "engine/score.ts": 'import { hash } from "./fields.ts";\nexport const score = hash;',
      "engine/fields.ts": 'export { hash } from "./compile.ts";',
      "engine/compile.ts": "export const hash = 1;",
      "engine/compiler.ts": 'export { hash } from "./compile.ts";',
    });
    expect(violations(dir)).toEqual([
      expect.stringMatching(
        /fields\.ts: scoring code must not import the compiler .*engine\/index\.ts -> engine\/score\.ts -> engine\/fields\.ts/,
      ),
    ]);
  });
});

/** An import line built at run time, so the layer check reading this file does not take it for one of its imports. */
const imp = (what: string, spec: string) => `import { ${what} } from "${spec}";`;

describe("folder check (src, cli, scripts, bench, e2e)", () => {
  it("passes on the real repository", () => {
    expect(topViolations()).toEqual([]);
  });
  it("flags shipped src code importing cli/, and scripts/ importing e2e/", () => {
    const dir = tree({
      "src/content/sites/lib/pages.node.ts": imp("loadPage", "../../../../cli/lib/load-html.ts"),
      "cli/lib/load-html.ts": "export const loadPage = 1;",
      "scripts/demo.ts": imp("launch", "../e2e/browser.ts"),
      "e2e/browser.ts": "export const launch = 1;",
    });
    expect(topViolations(dir).sort()).toEqual([
      expect.stringContaining("scripts/demo.ts: scripts/ must not import e2e/"),
      expect.stringContaining("src/content/sites/lib/pages.node.ts: src/ must not import cli/"),
    ]);
  });
  it("lets src unit tests import the cli/ and scripts/ code they test, and e2e/ use scripts/lib", () => {
    const dir = tree({
      "src/shared/bundle.test.ts": imp("verify", "../../cli/verify-case.ts"),
      "cli/verify-case.ts": `${imp("x", "../src/shared/x.ts")}\nexport const verify = x;`,
      "src/shared/x.ts": "export const x = 1;",
      "e2e/a.spec.ts": imp("launch", "../scripts/lib/browser.ts"),
      "scripts/lib/browser.ts": "export const launch = 1;",
    });
    expect(topViolations(dir)).toEqual([]);
  });
  it("flags cli/ importing scripts/ and bench/ importing e2e/", () => {
    const dir = tree({
      "cli/a.ts": imp("b", "../scripts/b.ts"),
      "scripts/b.ts": "export const b = 1;",
      "bench/c.ts": imp("d", "../e2e/d.ts"),
      "e2e/d.ts": "export const d = 1;",
    });
    expect(topViolations(dir)).toHaveLength(2);
  });
});

describe("HTML sinks in shipped code", () => {
  it("none in the real source tree", () => {
    expect(sinkViolations()).toEqual([]);
  });
  it("flags innerHTML, insertAdjacentHTML and dangerouslySetInnerHTML, not comments or tests", () => {
    const sink = (name: string) => `el.${name} = x;`;
    const dir = tree({
      "popup/a.tsx": `export const A = () => <div ${"dangerously"}SetInnerHTML={{ __html: "x" }} />;`,
      "content/b.ts": sink(["inner", "HTML"].join("")),
      "content/c.ts": `el.${"insertAdjacent"}HTML("beforeend", x);`,
      "content/d.ts": `// never use ${"inner"}HTML here\nexport const d = 1;`,
      "content/e.test.ts": sink(["inner", "HTML"].join("")),
    });
    expect(
      sinkViolations(dir)
        .map((v) => v.split(":")[0])
        .sort(),
    ).toEqual([
      expect.stringContaining("content/b.ts"),
      expect.stringContaining("content/c.ts"),
      expect.stringContaining("popup/a.tsx"),
    ]);
  });
});
