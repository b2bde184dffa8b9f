/**
 * The command-line case report: a real bundle printed to PDF by Chromium,
 * then read back with poppler (pdftoppm to images, pdftotext to text).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HOSTILE_TITLE, sampleBundle } from "../src/background/report/sample-bundle.node.ts";
import { pageInk, pdfText } from "../test-support/pdf.ts";
import { main } from "./case-report.ts";

const dir = mkdtempSync(join(tmpdir(), "case-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("case-report", () => {
  it("prints a bundle to a PDF whose pages show the case, its hashes and the markup of the title as text", async () => {
    const { zip, record } = await sampleBundle();
    const zipPath = join(dir, "case.zip");
    writeFileSync(zipPath, zip);
    const pdf = join(dir, "report.pdf");
    const log: string[] = [];
    const orig = console.log;
    console.log = (...a: unknown[]) => log.push(a.join(" "));
    try {
      expect(await main(["--", zipPath, "-o", pdf])).toBe(0);
    } finally {
      console.log = orig;
    }
    expect(log[0]).toBe(`INTACT  case ${record.id}`);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");

    const pages = pageInk(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(4);
    // Printed pages: no blank page (a last page may carry only a few lines of the notice), mostly paper.
    for (const ink of pages) expect(ink).toBeGreaterThan(0.001);
    expect(pages[0]).toBeLessThan(0.6);

    const text = pdfText(pdf);
    expect(text).toContain(record.id);
    expect(text).toContain(record.manifestSha256.slice(0, 32));
    expect(text).toContain("<img src=x onerror=alert(1)>");
    expect(text).toContain(HOSTILE_TITLE.slice(0, 14));
    expect(text).toContain("Ada Agent");
    expect(text).toContain("copycatch.default v3");
    expect(text).toMatch(/intact: every file re-hashed matches the manifest/);
  }, 90_000);

  it("says a tampered bundle is not intact in the report, and refuses what is not a bundle", async () => {
    const { zip } = await sampleBundle();
    const bad = new Uint8Array(zip);
    const at = Buffer.from(bad).indexOf("Nike Air Max 90");
    bad[at] = "M".charCodeAt(0);
    const zipPath = join(dir, "bad.zip");
    writeFileSync(zipPath, bad);
    const html = join(dir, "bad.html");
    const orig = console.log;
    console.log = () => undefined;
    try {
      expect(await main([zipPath, "-o", html, "--html"])).toBe(0);
    } finally {
      console.log = orig;
    }
    expect(readFileSync(html, "utf8")).toMatch(/NOT intact: .*differs/);
    writeFileSync(join(dir, "junk.zip"), "not a zip");
    const err = console.error;
    console.error = () => undefined;
    try {
      expect(await main([join(dir, "junk.zip"), "-o", join(dir, "x.pdf")])).toBe(1);
      expect(await main([join(dir, "junk.zip")])).toBe(2);
    } finally {
      console.error = err;
    }
  });
});
