import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { demoRecords, PER_SOURCE } from "./demo-records.ts";
import { sourceOf } from "./eval-detect-lib.ts";

describe("demo records", () => {
  it("are the first counterfeit records of each source in file order, each with a verdict", () => {
    const rows = demoRecords();
    const expected: string[] = [];
    const taken = new Map<string, number>();
    for (const file of ["dev.jsonl", "native-dev.jsonl", "more/replica-catalogues.jsonl"]) {
      for (const line of readFileSync(join(import.meta.dirname, "../fixtures/labeled", file), "utf8").split("\n")) {
        if (!line.trim()) continue;
        const r = JSON.parse(line) as { id: string; label: string };
        const s = sourceOf(file, r);
        if (r.label !== "counterfeit" || (taken.get(s) ?? 0) >= PER_SOURCE) continue;
        taken.set(s, (taken.get(s) ?? 0) + 1);
        expected.push(r.id);
      }
    }
    expect(rows.map((r) => r.id)).toEqual(expected);
    expect(rows.length).toBe(taken.size * PER_SOURCE);
    expect(rows.every((r) => ["high", "medium", "low", "unknown"].includes(r.verdict.risk))).toBe(true);
  });
});
