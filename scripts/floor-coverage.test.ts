import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { floorCoverage, formatCoverage } from "./floor-coverage.ts";

const dir = mkdtempSync(join(tmpdir(), "floor-coverage-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = "brand,tier,categories,reference price,price floors,price date,price source";
writeFileSync(
  join(dir, "a-bags.csv"),
  [
    HEADER,
    'Alpha,premium,bags,40:USD,"bag:60:USD|wallet:20:USD",2025-06,"alpha.example; recalled; re-verify"',
    "Beta,premium,bags,30:USD,,2025-06,beta.example; recalled; re-verify",
    'Gamma,mass,bags,10:USD,bag:15:USD,2025-06,"gamma.example; recalled; re-verify"',
  ].join("\n"),
);
writeFileSync(
  join(dir, "b-wine.csv"),
  [HEADER, "Delta,luxury,alcohol,50:USD,,2025-06,delta.example; recalled; re-verify", "Epsilon,,alcohol,,,,"].join(
    "\n",
  ),
);

describe("floor coverage per sheet and tier", () => {
  it("counts the rows with a price floors cell among each tier's rows, sheet by sheet; no tier means mass", () => {
    expect(floorCoverage(dir)).toEqual([
      { sheet: "a-bags.csv", tiers: { premium: [1, 2], mass: [1, 1] } },
      { sheet: "b-wine.csv", tiers: { luxury: [0, 1], mass: [0, 1] } },
    ]);
  });

  it("prints a line per sheet and the totals", () => {
    const text = formatCoverage(floorCoverage(dir)).split("\n");
    expect(text[0]).toMatch(/^a-bags\.csv\s+premium 1\/2 {2}mass 1\/1$/);
    expect(text[2]).toMatch(/^total\s+premium 1\/2 {2}mass 1\/2 {2}luxury 0\/1$/);
  });
});
