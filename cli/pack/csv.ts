/**
 * CSV for the pack tool, read with papaparse (RFC 4180: quoted fields,
 * doubled quotes, commas and newlines inside quotes, a leading BOM), as
 * spreadsheet exports (LibreOffice, Excel "CSV UTF-8", Google Sheets) write
 * it. The delimiter is always a comma (no guessing from the content). Line
 * ends may be CRLF, LF or CR, mixed within one file: they are made LF before
 * parsing, so a line break inside a quoted field also reads as LF. Rows that
 * are blank (only commas and spaces) are skipped; row numbers are those a
 * spreadsheet shows (the header is row 1, blank rows count).
 */
import Papa from "papaparse";

/** A CSV that cannot be read, with the file and row: "vocabulary.csv row 7: a quoted field is not closed". */
export class CsvError extends Error {
  override name = "CsvError";
}

export interface CsvRow {
  /** The row number a spreadsheet shows: 1 for the header. */
  row: number;
  fields: string[];
}

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes: "a quoted field is not closed",
  InvalidQuotes: 'text after the closing quote of a field (write "" for a quote inside a quoted field)',
};

/** Every row that is not blank, with its row number. Throws CsvError at the first malformed field. */
export function csvRows(text: string, source = "CSV"): CsvRow[] {
  const parsed = Papa.parse<string[]>(text.replace(/\r\n?/g, "\n"), {
    delimiter: ",",
    newline: "\n",
    quoteChar: '"',
    skipEmptyLines: false,
  });
  const problem = parsed.errors[0];
  if (problem) {
    const what = QUOTE_PROBLEMS[problem.code] ?? problem.message;
    throw new CsvError(`${source} row ${(problem.row ?? 0) + 1}: ${what}`);
  }
  const rows: CsvRow[] = [];
  parsed.data.forEach((fields, i) => {
    if (fields.some((f) => f.trim() !== "")) rows.push({ row: i + 1, fields });
  });
  return rows;
}

/** The rows' fields only (tests, and whoever needs no row numbers). */
export function parseCsv(text: string, source?: string): string[][] {
  return csvRows(text, source).map((r) => r.fields);
}

export interface CsvRecord {
  row: number;
  /** Values by normalised column name ("Authorised sellers" → "authorised sellers"), trimmed. */
  values: Record<string, string>;
}

/** Rows after the header as records keyed by the normalised header. */
export function csvRecords(text: string, source?: string): CsvRecord[] {
  const [header, ...rows] = csvRows(text, source);
  if (!header) return [];
  const keys = header.fields.map(normaliseColumn);
  return rows.map((r) => ({
    row: r.row,
    values: Object.fromEntries(keys.map((k, i) => [k, (r.fields[i] ?? "").trim()])),
  }));
}

export function normaliseColumn(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[_-]+/g, " ")
    .replace(/\s+/g, " ")
    .replace(/authorized/g, "authorised");
}
