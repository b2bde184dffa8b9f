/**
 * Cases as CSV and JSON for spreadsheets and case-management tools. Every
 * text cell that a spreadsheet would read as a formula (= + - @ tab CR) is
 * prefixed with a quote (OWASP "CSV injection"): listing titles and seller
 * names come from marketplace pages, i.e. from counterfeiters.
 */
import type { CaseRecord } from "./case.ts";
import { filing, lastCheck, stateSince } from "./case-state.ts";

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
  "state",
  "stateSince",
  "filedAt",
  "filedPortal",
  "filedReference",
  "lastCheck",
  "lastCheckAt",
  "lastCheckSha256",
  "sellerKeys",
  "timestampGenTime",
  "timestampAuthority",
  "capturedBy",
  "notes",
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
  const filed = filing(c.followUp);
  const check = lastCheck(c.followUp);
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
    c.followUp.state,
    stateSince(c.followUp),
    filed?.at ?? null,
    filed?.portal ?? null,
    filed?.reference ?? null,
    check?.result ?? null,
    check?.at ?? null,
    check?.sha256 ?? null,
    c.sellerKeys.join(" ") || null,
    c.timestamp?.genTime ?? null,
    c.timestamp?.authority ?? null,
    c.capturedBy ? `${c.capturedBy.name} <${c.capturedBy.email}> (${c.capturedBy.company})` : null,
    c.followUp.notes || null,
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
