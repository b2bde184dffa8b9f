import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bundleForNode, bundleForNodeKept } from "./bundle.ts";

const dirs: string[] = [];
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), "copycatch-bundle-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A two-file program: main.ts imports the word from word.ts. */
function program(word: string): { src: string; entry: string } {
  const src = temp();
  writeFileSync(join(src, "word.ts"), `export const word: string = ${JSON.stringify(word)};\n`);
  writeFileSync(join(src, "main.ts"), `import { word } from "./word.ts";\nconsole.log(word);\n`);
  return { src, entry: join(src, "main.ts") };
}

describe("a bundle kept between runs", () => {
  it("is the bundle bundleForNode makes, kept in the directory and read back while its files are unchanged", () => {
    const { entry } = program("first");
    const cache = temp();
    const made = bundleForNodeKept(entry, cache);
    expect(made).toBe(bundleForNode(entry));
    expect(made).toContain("first");
    const [kept] = readdirSync(cache);
    expect(kept).toMatch(/^bundle-[0-9a-f]{16}\.json$/);
    // Read back, not made again: a marker put into the kept text comes back.
    const file = join(cache, kept ?? "");
    const json = JSON.parse(readFileSync(file, "utf8")) as { text: string };
    writeFileSync(file, JSON.stringify({ ...json, text: `${json.text}// kept\n` }));
    expect(bundleForNodeKept(entry, cache)).toContain("// kept");
  });

  it("is made again when any file it was made from changed, or the kept file is damaged", () => {
    const { src, entry } = program("before");
    const cache = temp();
    expect(bundleForNodeKept(entry, cache)).toContain("before");
    // An imported file changes: the kept text is stale and is replaced.
    writeFileSync(join(src, "word.ts"), `export const word: string = "after";\n`);
    const again = bundleForNodeKept(entry, cache);
    expect(again).toContain("after");
    expect(again).not.toContain("before");
    const file = join(cache, readdirSync(cache)[0] ?? "");
    expect(readFileSync(file, "utf8")).toContain("after");
    // A damaged kept file is bundled again.
    writeFileSync(file, "{ not json");
    expect(bundleForNodeKept(entry, cache)).toContain("after");
  });

  it("without a directory, or one that cannot be written, only bundles", () => {
    const { entry } = program("plain");
    expect(bundleForNodeKept(entry, null)).toContain("plain");
    const blocked = join(temp(), "file");
    writeFileSync(blocked, "not a directory");
    expect(bundleForNodeKept(entry, join(blocked, "cache"))).toContain("plain");
  });
});
