import { describe, expect, it } from "vitest";
import { type CaseSummary, summarise } from "../shared/case.ts";
import { sampleCase } from "../shared/case-sample.node.ts";
import { casesPerWeek, removedShare, weekOf } from "./chart-data.ts";

const c = (createdAt: string, marketplace: CaseSummary["marketplace"], state: CaseSummary["state"] = "draft") => ({
  ...summarise(sampleCase()),
  createdAt,
  marketplace,
  state,
});

describe("weekOf", () => {
  it("is the Monday of the ISO week, in UTC", () => {
    expect(weekOf("2025-05-05T00:00:00.000Z")).toBe("2025-05-05"); // a Monday
    expect(weekOf("2025-05-11T23:59:59.000Z")).toBe("2025-05-05"); // the Sunday after
    expect(weekOf("2025-01-01T10:00:00.000Z")).toBe("2024-12-30"); // across a year
  });
});

describe("casesPerWeek", () => {
  it("counts per marketplace per week, empty weeks included", () => {
    const w = casesPerWeek([
      c("2025-05-05T10:00:00Z", "ebay"),
      c("2025-05-06T10:00:00Z", "ebay"),
      c("2025-05-07T10:00:00Z", "amazon"),
      c("2025-05-21T10:00:00Z", "amazon"),
    ]);
    expect(w.weeks).toEqual(["2025-05-05", "2025-05-12", "2025-05-19"]);
    expect(w.marketplaces).toEqual(["amazon", "ebay"]);
    expect(w.counts).toEqual([
      [1, 2],
      [0, 0],
      [1, 0],
    ]);
  });
  it("keeps the last weeks only, and is empty without cases", () => {
    const cases = Array.from({ length: 40 }, (_, i) => c(new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString(), "ebay"));
    const w = casesPerWeek(cases, 10);
    expect(w.weeks).toHaveLength(10);
    expect(w.weeks.at(-1)).toBe(weekOf(cases.at(-1)?.createdAt ?? ""));
    expect(casesPerWeek([])).toEqual({ weeks: [], marketplaces: [], counts: [] });
  });
});

describe("removedShare", () => {
  it("counts filed cases per marketplace and how many are removed now; drafts do not count", () => {
    const share = removedShare([
      c("2025-05-05T10:00:00Z", "ebay", "removed"),
      c("2025-05-05T10:00:00Z", "ebay", "filed"),
      c("2025-05-05T10:00:00Z", "ebay", "relisted"),
      c("2025-05-05T10:00:00Z", "amazon", "removed"),
      c("2025-05-05T10:00:00Z", "amazon", "draft"),
    ]);
    expect(share).toEqual([
      { marketplace: "ebay", filed: 3, removed: 1 },
      { marketplace: "amazon", filed: 1, removed: 1 },
    ]);
  });
});
