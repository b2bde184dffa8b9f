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
