import { describe, expect, it } from "vitest";
import { caseReportSection, reportCaseFromBundle, reportDocument } from "../../shared/case-report.ts";
import { changeState } from "../../shared/case-state.ts";
import { HOSTILE_TITLE, sampleBundle } from "./sample-bundle.node.ts";

describe("the printable case report", () => {
  it("reads an exported bundle and escapes every listing text", async () => {
    const { zip, record } = await sampleBundle();
    const c = await reportCaseFromBundle(zip, new Date("2025-06-01T00:00:00Z"));
    expect(c.integrity).toEqual({ intact: true, problems: [], checkedAt: "2025-06-01T00:00:00.000Z" });
    expect(c.manifestSha256).toBe(record.manifestSha256);
    expect(c.capturedBy).toEqual(record.capturedBy);
    const html = caseReportSection(c);
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain(record.manifestSha256);
    for (const a of record.artefacts) expect(html).toContain(a.sha256);
    expect(html).toContain('<img class="shot"');
    expect(html).toContain("2025-05-01 12:00:00 UTC");
    expect(reportDocument(HOSTILE_TITLE, [html])).toMatch(/^<!doctype html>[\s\S]*<title>Nike Air Max 90 &lt;img/);
  });

  it("prints the follow-up with its dates, portal and reference", async () => {
    const { zip, record } = await sampleBundle();
    const c = await reportCaseFromBundle(zip);
    const followUp = changeState(
      record.followUp,
      { to: "filed", portal: "ebay-vero", reference: "VERO-<42>", note: null },
      new Date("2025-05-02T09:30:00Z"),
    );
    const html = caseReportSection({ ...c, followUp });
    expect(html).toContain("2025-05-02 09:30:00 UTC");
    expect(html).toContain("Filed at eBay VeRO");
    expect(html).toContain("reference VERO-&lt;42&gt;");
  });
});
