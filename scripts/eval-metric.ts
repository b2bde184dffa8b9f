/**
 * The product-extraction benchmark's metric (fixtures/benchmark/README.md):
 * per attribute, one predicted value per page; TP when the prediction is
 * among the accepted values (price compared as a decimal number, currency
 * ignored; sku and availability exactly; availability defaults to InStock
 * when unknown), FP when it is not, FN when nothing is predicted but a value
 * is expected. F1 from the summed counts.
 */
import { compareAmounts, normaliseAmount } from "../src/shared/price.ts";

export type Attribute = "price" | "sku" | "availability";

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

/** A benchmark price ("229.99 ", "1,149") as a decimal string; null when it is no number. */
export function decimalOf(v: unknown): string | null {
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : null;
  if (typeof v !== "string") return null;
  const s = v.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return s;
  return normaliseAmount(s);
}

function present(v: unknown): boolean {
  return v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "");
}

/** The outcome for one page and attribute: "tp" | "fp" | "fn" | null (nothing predicted, nothing expected). */
export function judge(
  attribute: Attribute,
  predicted: unknown,
  expected: readonly unknown[] | undefined,
): keyof Counts | null {
  const accepted = (expected ?? []).filter(present);
  let pred = predicted;
  if (attribute === "availability" && !present(pred)) pred = "InStock";
  if (!present(pred)) return accepted.length > 0 ? "fn" : null;
  if (attribute === "price") {
    const p = decimalOf(pred);
    const ok =
      p !== null &&
      accepted.some((e) => {
        const d = decimalOf(e);
        return d !== null && compareAmounts(d, p) === 0;
      });
    return ok ? "tp" : "fp";
  }
  return accepted.some((e) => String(e).trim() === String(pred).trim()) ? "tp" : "fp";
}

export function scores(c: Counts): Scores {
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

export interface PagePrediction {
  price?: unknown;
  sku?: unknown;
  availability?: unknown;
}

export type GroundTruth = Record<string, { url: string } & Partial<Record<Attribute | "brand", unknown[]>>>;

export function evaluate(
  truth: GroundTruth,
  predictions: Record<string, PagePrediction | undefined>,
): Record<Attribute, Scores> {
  const out = {} as Record<Attribute, Scores>;
  for (const attribute of ["price", "sku", "availability"] as const) {
    const c: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const [id, gt] of Object.entries(truth)) {
      const r = judge(attribute, predictions[id]?.[attribute], gt[attribute]);
      if (r) c[r]++;
    }
    out[attribute] = scores(c);
  }
  return out;
}
