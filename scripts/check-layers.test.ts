import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { violations } from "./check-layers.ts";

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "layers-"));
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
});
