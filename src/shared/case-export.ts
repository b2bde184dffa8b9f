/**
 * Cases as CSV and JSON for spreadsheets and case-management tools. Every
 * text cell that a spreadsheet would read as a formula (= + - @ tab CR) is
 * prefixed with a quote (OWASP "CSV injection"): listing titles and seller
 * names come from marketplace pages, i.e. from counterfeiters.
 */
import type { CaseRecord } from "./case.ts";

export const CSV_COLUMNS = [
  "id",
  "createdAt",
  "marketplace",
  "brand",
  "seller",
  "title",
  "url",
  "risk",
  "score",
  "deliveryState",
  "attempts",
  "lastError",
  "captureErrors",
  "manifestSha256",
] as const;

export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function row(c: CaseRecord): (string | number | null)[] {
  return [
    c.id,
    c.createdAt,
    c.marketplace,
    c.brandName,
    c.sellerName,
    c.listing.title,
    c.url,
    c.verdict.risk,
    c.verdict.score,
    c.delivery.state,
    c.delivery.attempts,
    c.delivery.lastError,
    c.captureErrors.join("; ") || null,
    c.manifestSha256,
  ];
}

/** RFC 4180 CSV with CRLF line ends. */
export function casesCsv(cases: CaseRecord[]): string {
  const lines = [CSV_COLUMNS.join(","), ...cases.map((c) => row(c).map(csvCell).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

export function casesJson(cases: CaseRecord[]): string {
  return `${JSON.stringify(cases, null, 2)}\n`;
}
