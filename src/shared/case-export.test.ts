import { describe, expect, it } from "vitest";
import { casesCsv, casesJson, neutraliseFormula } from "./case-export.ts";
import { HOSTILE_TITLE, sampleCase, sampleListing } from "./case-sample.node.ts";
import { changeState, recordCheck, setNotes } from "./case-state.ts";

/** A small RFC 4180 parser, to read back what a spreadsheet would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return rows;
}

describe("case export", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])("neutralises %j", (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it("leaves ordinary text alone", () => {
    expect(neutraliseFormula("Nike Air")).toBe("Nike Air");
    expect(neutraliseFormula("a=b")).toBe("a=b");
  });

  it("writes one row per case, quoting commas, quotes and line breaks, and neutralising formulas", () => {
    const evil = sampleListing('=HYPERLINK("http://evil","click"), now\nline two');
    const cases = [sampleCase(), sampleCase({ id: "c2", listing: evil, sellerName: "@seller", brandName: "-1" })];
    const rows = parseCsv(casesCsv(cases));
    expect(rows).toHaveLength(3);
    const header = rows[0] ?? [];
    const col = (r: string[], name: string) => r[header.indexOf(name)];
    expect(col(rows[1] ?? [], "title")).toBe(HOSTILE_TITLE);
    expect(col(rows[1] ?? [], "seller")).toBe("'=cheap_kicks_88");
    expect(col(rows[2] ?? [], "title")).toBe(`'=HYPERLINK("http://evil","click"), now\nline two`);
    expect(col(rows[2] ?? [], "seller")).toBe("'@seller");
    expect(col(rows[2] ?? [], "brand")).toBe("'-1");
    expect(col(rows[2] ?? [], "score")).toBe("91");
    for (const r of rows.slice(1)) for (const cell of r) expect(cell).not.toMatch(/^[=+@\t\r]/);
  });

  it("exports JSON that parses back to the same cases", () => {
    const cases = [sampleCase()];
    expect(JSON.parse(casesJson(cases))).toEqual(cases);
  });
});

describe("casesCsv: the follow-up columns", () => {
  it("carries the state, the filing, the last re-check and the notes, neutralising formulas in them", () => {
    let f = sampleCase().followUp;
    f = changeState(
      f,
      { to: "filed", portal: "ebay-vero", reference: "=VERO-1", note: null },
      new Date("2025-05-02T00:00:00Z"),
    );
    f = recordCheck(
      f,
      {
        result: "removed",
        status: 404,
        finalUrl: "https://www.ebay.com/itm/1",
        sha256: "c".repeat(64),
        bytes: 10,
        detail: "",
      },
      new Date("2025-05-03T00:00:00Z"),
    );
    f = setNotes(f, "+call the seller", new Date("2025-05-04T00:00:00Z"));
    const rows = parseCsv(casesCsv([sampleCase({ followUp: f })]));
    const header = rows[0] ?? [];
    const col = (name: string) => rows[1]?.[header.indexOf(name)];
    expect(col("state")).toBe("removed");
    expect(col("stateSince")).toBe("2025-05-03T00:00:00.000Z");
    expect(col("filedAt")).toBe("2025-05-02T00:00:00.000Z");
    expect(col("filedPortal")).toBe("ebay-vero");
    expect(col("filedReference")).toBe("'=VERO-1");
    expect(col("lastCheck")).toBe("removed");
    expect(col("lastCheckSha256")).toBe("c".repeat(64));
    expect(col("notes")).toBe("'+call the seller");
    expect(col("sellerKeys")).toContain("id:ebay:cheap_kicks_88");
  });
});
