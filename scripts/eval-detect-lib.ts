/**
 * The arithmetic of `npm run eval:detect`, kept apart from the I/O so a test
 * can check it on hand-written rows: which source a record comes from, the
 * metrics, the risk a row gets under a cut-off configuration, the choice of a
 * configuration from a declared grid, and leave-one-source-out.
 *
 * What is tuned. The engine's only free parameters that act on every listing
 * at once are the two risk cut-offs on its probability (MEDIUM_AT, HIGH_AT in
 * src/engine/weights.ts); the signal weights are set by argument, not fitted.
 * So a configuration here is a pair of cut-offs on the verdict's score
 * (percent), taken from `gridFor`. Leave-one-source-out chooses the pair on every
 * source but one (rule in `choose`) and measures the held-out source with it;
 * the shipped pair is reported beside it, with the pair the same rule chooses
 * on every source. Rules the engine applies on top of
 * its cut-offs (a cap such as "price evidence alone is never high", or
 * "unknown" for too little text) are kept: a row the engine put below what its
 * own cut-offs would give stays at most there, a row it put above stays at
 * least there.
 */

export type Risk = "high" | "medium" | "low" | "unknown";

export interface Cutoffs {
  /** Score (0..100) from which a listing is "medium". */
  medium: number;
  /** Score (0..100) from which a listing is "high". */
  high: number;
}

/** One scored record or page of an evaluation corpus. */
export interface EvalRow {
  id: string;
  /** The source it comes from (see sourceOf); leave-one-source-out holds these out one at a time. */
  source: string;
  /** true: counterfeit intent; false: genuine or ordinary goods. */
  positive: boolean;
  /** The engine's verdict: score 0..100 and risk under the shipped cut-offs. */
  score: number;
  risk: Risk;
}

/**
 * The grid leave-one-source-out chooses from: medium 30..80 in steps of 5, high at the shipped cut-off. Recall
 * counts medium or high, so only the medium cut-off trades recall for false alarms; "high" stays where the engine
 * says corroborated evidence (its caps keep price alone from high), and its false alarms are measured there.
 */
export function gridFor(shipped: Cutoffs): Cutoffs[] {
  const out: Cutoffs[] = [];
  for (let medium = 30; medium <= Math.min(80, shipped.high); medium += 5) out.push({ medium, high: shipped.high });
  return out;
}

/** The done-when targets, printed beside the figures. */
export const TARGETS = {
  /** Leave-one-source-out over the counterfeit-intent sources. */
  counterfeitRecall: 0.9,
  counterfeitPrecision: 0.95,
  /** Sellers' own titles (native-dev.jsonl). */
  nativeRecall: 0.85,
  nativeOrdinaryFlagged: 0.01,
  /** Every genuine corpus. */
  genuineHigh: 0.005,
  genuineMediumOrHigh: 0.02,
} as const;

const RANK: Record<Risk, number> = { unknown: -1, low: 0, medium: 1, high: 2 };

export function riskFromCutoffs(score: number, c: Cutoffs): Risk {
  if (score >= c.high) return "high";
  if (score >= c.medium) return "medium";
  return "low";
}

/**
 * The risk of a row under cut-offs `c`, keeping the engine's own rules: if the
 * engine gave less than its shipped cut-offs would (a cap), the result is at
 * most that; if it gave more (a floor), at least that. "unknown" stays.
 */
export function riskAt(row: Pick<EvalRow, "score" | "risk">, c: Cutoffs, shipped: Cutoffs): Risk {
  if (row.risk === "unknown") return "unknown";
  const plain = RANK[riskFromCutoffs(row.score, shipped)];
  const engine = RANK[row.risk];
  let r = RANK[riskFromCutoffs(row.score, c)];
  if (engine < plain) r = Math.min(r, engine);
  if (engine > plain) r = Math.max(r, engine);
  return r === 2 ? "high" : r === 1 ? "medium" : "low";
}

export const isFlag = (r: Risk) => r === "medium" || r === "high";

export interface Metrics {
  n: number;
  positives: number;
  negatives: number;
  tp: number;
  fp: number;
  /** tp / (tp + fp); null when nothing is flagged or the rows hold one class only (precision means nothing there). */
  precision: number | null;
  /** tp / positives; null without positives. */
  recall: number | null;
  /** Share of negatives flagged medium or high; null without negatives. */
  falseAlarm: number | null;
  /** Share of negatives flagged high; null without negatives. */
  falseAlarmHigh: number | null;
}

/** Metrics of rows whose risk has been decided (`risks[i]` for `rows[i]`). */
export function metricsOf(rows: readonly EvalRow[], risks: readonly Risk[]): Metrics {
  let positives = 0;
  let tp = 0;
  let fp = 0;
  let high = 0;
  rows.forEach((row, i) => {
    const r = risks[i] ?? "unknown";
    if (row.positive) {
      positives++;
      if (isFlag(r)) tp++;
    } else {
      if (isFlag(r)) fp++;
      if (r === "high") high++;
    }
  });
  const negatives = rows.length - positives;
  return {
    n: rows.length,
    positives,
    negatives,
    tp,
    fp,
    precision: positives > 0 && negatives > 0 && tp + fp > 0 ? tp / (tp + fp) : null,
    recall: positives > 0 ? tp / positives : null,
    falseAlarm: negatives > 0 ? fp / negatives : null,
    falseAlarmHigh: negatives > 0 ? high / negatives : null,
  };
}

export const metricsAt = (rows: readonly EvalRow[], c: Cutoffs, shipped: Cutoffs): Metrics =>
  metricsOf(
    rows,
    rows.map((r) => riskAt(r, c, shipped)),
  );

export function groupBySource<T extends { source: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.source);
    if (list) list.push(r);
    else out.set(r.source, [r]);
  }
  return out;
}

/**
 * The declared rule that picks cut-offs from the grid on tuning rows. Per source:
 * recall on its positives, false-alarm rates on its negatives. A pair is
 * admissible when no tuning source has a negative (genuine or ordinary) row
 * flagged medium or high: a shopper uninstalls after one false alarm on a
 * genuine product, so the rule aims at none, and the targets (TARGETS) are the
 * ceilings the held-out figures are reported against. Among admissible pairs
 * the highest mean recall over the tuning sources with positives wins (mean
 * over sources, so one big source does not decide); ties go to the higher
 * (more cautious) cut-offs. If no pair is admissible, the smallest total
 * false-alarm rate wins, then the same order.
 */
export function choose(
  rows: readonly EvalRow[],
  shipped: Cutoffs,
  grid: readonly Cutoffs[] = gridFor(shipped),
): Cutoffs {
  const sources = [...groupBySource(rows).values()];
  let best: { c: Cutoffs; alarms: number; recall: number } | null = null;
  for (const c of grid) {
    let alarms = 0;
    let recallSum = 0;
    let withPositives = 0;
    for (const src of sources) {
      const m = metricsAt(src, c, shipped);
      if (m.recall !== null) {
        recallSum += m.recall;
        withPositives++;
      }
      if (m.falseAlarm !== null) alarms += m.falseAlarm;
    }
    const recall = withPositives > 0 ? recallSum / withPositives : 0;
    const better =
      best === null ||
      alarms < best.alarms - 1e-12 ||
      (Math.abs(alarms - best.alarms) <= 1e-12 &&
        (recall > best.recall + 1e-12 ||
          (Math.abs(recall - best.recall) <= 1e-12 &&
            (c.medium > best.c.medium || (c.medium === best.c.medium && c.high > best.c.high)))));
    if (better) best = { c, alarms, recall };
  }
  if (!best) throw new Error("empty grid");
  return best.c;
}

export interface HeldOut {
  source: string;
  /** Cut-offs chosen on every other source. */
  cutoffs: Cutoffs;
  metrics: Metrics;
}

/**
 * Leave-one-source-out: for each source, cut-offs chosen (`choose`) on all
 * other sources' rows (those `tuneOn` keeps: by default all), then that source
 * measured with them. Also returns each row's held-out risk, in input order,
 * for pooled figures.
 */
export function leaveOneSourceOut(
  rows: readonly EvalRow[],
  shipped: Cutoffs,
  grid: readonly Cutoffs[] = gridFor(shipped),
  tuneOn: (r: EvalRow) => boolean = () => true,
): { folds: HeldOut[]; risks: Risk[] } {
  const folds: HeldOut[] = [];
  const risks: Risk[] = new Array(rows.length).fill("unknown");
  const index = new Map<EvalRow, number>();
  rows.forEach((r, i) => {
    index.set(r, i);
  });
  for (const [source, held] of groupBySource(rows)) {
    const cutoffs = choose(
      rows.filter((r) => r.source !== source && tuneOn(r)),
      shipped,
      grid,
    );
    const heldRisks = held.map((r) => riskAt(r, cutoffs, shipped));
    held.forEach((r, i) => {
      risks[index.get(r) ?? 0] = heldRisks[i] ?? "unknown";
    });
    folds.push({ source, cutoffs, metrics: metricsOf(held, heldRisks) });
  }
  return { folds, risks };
}

/**
 * The source of a labeled record. dev.jsonl: ids say only the label (cf-/gn-),
 * so the source is the repository in the record's `source` note. Elsewhere the
 * id prefix names it: native-dev.jsonl "nt-aliexpress:…" → "aliexpress", the
 * files in more/ "A2-0001" → "A2".
 */
export function sourceOf(file: string, record: { id?: unknown; source?: unknown }): string {
  const id = typeof record.id === "string" ? record.id : "";
  const name = file.split("/").pop() ?? file;
  if (name === "dev.jsonl") {
    const repo = typeof record.source === "string" ? record.source.match(/^github:[^/]+\/([^@]+)@/) : null;
    return `dev:${repo?.[1] ?? "unknown"}`;
  }
  if (name === "native-dev.jsonl") return `native:${id.replace(/^nt-/, "").split(":")[0] || "unknown"}`;
  return id.split("-")[0] || "unknown";
}

/** Numbers for print: 3 decimals, "-" for null. */
export const fmt = (x: number | null, digits = 3) => (x === null ? "-" : x.toFixed(digits));

/**
 * A label its own note contradicts: a negative row whose annotator's reason says the title names no brand
 * ("generic unbranded summer apparel (no brand named)") while the engine reads a brand named plainly in the title.
 * Such rows are listed, and a sensitivity figure leaves them out of tuning (never out of measurement); the
 * headline figures keep every label as given.
 */
export function labelDisputed(positive: boolean, labelReason: string | null, brandInTitle: boolean): boolean {
  return !positive && brandInTitle && labelReason !== null && /\b(?:no brand|unbranded)\b/i.test(labelReason);
}
