import { describe, expect, it } from "vitest";
import {
  type Cutoffs,
  choose,
  type EvalRow,
  gridFor,
  groupBySource,
  labelDisputed,
  leaveOneSourceOut,
  metricsAt,
  metricsOf,
  riskAt,
  sourceOf,
} from "./eval-detect-lib.ts";

const SHIPPED: Cutoffs = { medium: 50, high: 80 };

const row = (id: string, source: string, positive: boolean, score: number, risk?: EvalRow["risk"]): EvalRow => ({
  id,
  source,
  positive,
  score,
  risk: risk ?? (score >= 80 ? "high" : score >= 50 ? "medium" : "low"),
});

describe("eval-detect: sources", () => {
  it("takes dev.jsonl's source from the repository note and the others' from the id prefix", () => {
    expect(
      sourceOf("fixtures/labeled/dev.jsonl", {
        id: "cf-0001",
        source: "github:botmenoff/PandaBuyItems@a267:'allchinabuy spreadsheet 26.5 - Main.csv' (row 333)",
      }),
    ).toBe("dev:PandaBuyItems");
    expect(sourceOf("native-dev.jsonl", { id: "nt-aliexpress:1005003" })).toBe("native:aliexpress");
    expect(sourceOf("native-dev.jsonl", { id: "nt-yupoo-category:west42:Ca*har*t WIP" })).toBe("native:yupoo-category");
    expect(sourceOf("more/replica-catalogues.jsonl", { id: "A2-0000" })).toBe("A2");
    expect(sourceOf("more/genuine-retail.jsonl", { id: "B4-0007" })).toBe("B4");
  });

  it("groups rows by source, keeping input order inside each", () => {
    const g = groupBySource([row("1", "a", true, 90), row("2", "b", false, 1), row("3", "a", false, 2)]);
    expect([...g.keys()]).toEqual(["a", "b"]);
    expect(g.get("a")?.map((r) => r.id)).toEqual(["1", "3"]);
  });
});

describe("eval-detect: metrics", () => {
  it("counts precision, recall and both false-alarm rates", () => {
    const rows = [
      row("p1", "s", true, 90),
      row("p2", "s", true, 60),
      row("p3", "s", true, 10),
      row("p4", "s", true, 55),
      row("n1", "s", false, 85),
      row("n2", "s", false, 52),
      row("n3", "s", false, 5),
      row("n4", "s", false, 5),
    ];
    const m = metricsAt(rows, SHIPPED, SHIPPED);
    expect(m).toMatchObject({ n: 8, positives: 4, negatives: 4, tp: 3, fp: 2 });
    expect(m.precision).toBeCloseTo(3 / 5);
    expect(m.recall).toBeCloseTo(3 / 4);
    expect(m.falseAlarm).toBeCloseTo(2 / 4);
    expect(m.falseAlarmHigh).toBeCloseTo(1 / 4);
  });

  it("leaves precision undefined for one-class rows and false alarms undefined without negatives", () => {
    const m = metricsAt([row("p", "s", true, 90), row("q", "s", true, 10)], SHIPPED, SHIPPED);
    expect(m.precision).toBeNull();
    expect(m.recall).toBeCloseTo(0.5);
    expect(m.falseAlarm).toBeNull();
    const g = metricsAt([row("n", "g", false, 60)], SHIPPED, SHIPPED);
    expect(g.recall).toBeNull();
    expect(g.falseAlarm).toBe(1);
    expect(g.falseAlarmHigh).toBe(0);
  });

  it("counts unknown verdicts as not flagged", () => {
    const m = metricsOf([row("p", "s", true, 90)], ["unknown"]);
    expect(m.tp).toBe(0);
  });
});

describe("eval-detect: cut-offs keep the engine's own rules", () => {
  it("re-thresholds plain rows", () => {
    expect(riskAt(row("a", "s", true, 60), { medium: 65, high: 90 }, SHIPPED)).toBe("low");
    expect(riskAt(row("a", "s", true, 40), { medium: 35, high: 90 }, SHIPPED)).toBe("medium");
    expect(riskAt(row("a", "s", true, 70), { medium: 35, high: 70 }, SHIPPED)).toBe("high");
  });
  it("keeps a cap (the engine said medium at a high score) and a floor, and unknown", () => {
    const capped = row("a", "s", true, 95, "medium");
    expect(riskAt(capped, { medium: 30, high: 60 }, SHIPPED)).toBe("medium");
    expect(riskAt(capped, { medium: 96, high: 97 }, SHIPPED)).toBe("low");
    const floored = row("b", "s", true, 20, "medium");
    expect(riskAt(floored, { medium: 60, high: 90 }, SHIPPED)).toBe("medium");
    expect(riskAt(row("c", "s", true, 99, "unknown"), SHIPPED, SHIPPED)).toBe("unknown");
  });
});

describe("eval-detect: choosing cut-offs and leave-one-source-out", () => {
  const grid: Cutoffs[] = [
    { medium: 40, high: 80 },
    { medium: 60, high: 80 },
    { medium: 60, high: 90 },
  ];

  it("takes the highest mean recall among pairs that keep every genuine source within target", () => {
    // Genuine source g has one row at 50: medium 40 would flag 100% of it.
    const rows = [
      row("p1", "a", true, 45),
      row("p2", "a", true, 70),
      row("p3", "b", true, 65),
      row("n", "g", false, 50),
    ];
    expect(choose(rows, SHIPPED, grid)).toEqual({ medium: 60, high: 90 });
    // Without the genuine row, medium 40 catches everything.
    expect(choose(rows.slice(0, 3), SHIPPED, grid)).toEqual({ medium: 40, high: 80 });
  });

  it("measures each source with cut-offs chosen without it", () => {
    const rows = [
      row("a1", "a", true, 45),
      row("a2", "a", true, 45),
      row("b1", "b", true, 65),
      row("g1", "g", false, 45),
      row("h1", "h", false, 10),
    ];
    const { folds, risks } = leaveOneSourceOut(rows, SHIPPED, grid);
    const bySource = Object.fromEntries(folds.map((f) => [f.source, f]));
    // Held out a: tuning on b, g, h; g's row at 45 forbids medium 40, so a's 45s are missed.
    expect(bySource.a?.cutoffs.medium).toBe(60);
    expect(bySource.a?.metrics.recall).toBe(0);
    // Held out g: tuning on a, b, h prefers 40 (catches a), so g's 45 is a false alarm.
    expect(bySource.g?.cutoffs.medium).toBe(40);
    expect(bySource.g?.metrics.falseAlarm).toBe(1);
    expect(risks).toEqual(["low", "low", "medium", "medium", "low"]);
  });

  it("tunes only on the rows it is told to, and still measures every row", () => {
    const rows = [row("a1", "a", true, 45), row("b1", "b", true, 45), row("g1", "g", false, 45)];
    // Held out a: g's row at 45 forbids medium 40 ...
    expect(leaveOneSourceOut(rows, SHIPPED, grid).folds.find((f) => f.source === "a")?.cutoffs.medium).toBe(60);
    // ... unless it is left out of tuning; held out itself, it is still measured (and flagged).
    const { folds, risks } = leaveOneSourceOut(rows, SHIPPED, grid, (r) => r.id !== "g1");
    expect(folds.find((f) => f.source === "a")?.cutoffs.medium).toBe(40);
    expect(risks).toEqual(["medium", "medium", "medium"]);
  });

  it("a label is disputed when its own note says no brand is named and the title names one", () => {
    expect(labelDisputed(false, "generic unbranded summer apparel (no brand named)", true)).toBe(true);
    expect(labelDisputed(false, "generic unbranded summer apparel (no brand named)", false)).toBe(false);
    expect(labelDisputed(false, "legitimate accessory for a named phone", true)).toBe(false);
    expect(labelDisputed(true, "no brand named", true)).toBe(false);
    expect(labelDisputed(false, null, true)).toBe(false);
  });

  it("refuses any false alarm on a tuning source, even one in a hundred", () => {
    // 1 % of g flagged at medium 40 would be within the 2 % target; the rule still refuses it.
    const negatives = Array.from({ length: 99 }, (_, i) => row(`n${i}`, "g", false, 10));
    const rows = [row("p1", "a", true, 45), row("p2", "a", true, 70), row("n99", "g", false, 42), ...negatives];
    expect(choose(rows, SHIPPED, grid)).toEqual({ medium: 60, high: 90 });
  });

  it("declares a grid of medium 30..80 at the shipped high cut-off", () => {
    const g = gridFor(SHIPPED);
    expect(g.map((c) => c.medium)).toEqual([30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80]);
    expect(g.every((c) => c.high === SHIPPED.high)).toBe(true);
    expect(g).toContainEqual(SHIPPED);
    // The medium cut-off never passes the high one.
    expect(gridFor({ medium: 45, high: 60 }).at(-1)).toEqual({ medium: 60, high: 60 });
  });
});
