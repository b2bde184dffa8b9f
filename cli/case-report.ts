/**
 * `npm run -s case-report -- CASE.zip [MORE.zip ...] -o REPORT.pdf`: the
 * printable case report (one page section per case) of exported case
 * bundles, as PDF, through Chromium's print to PDF of the same HTML template
 * the workspace prints (src/shared/case-report.ts). Each bundle is verified
 * first and the report says whether it is intact. `--html` writes the HTML
 * instead. Exit 0 written, 1 a bundle could not be read, 2 usage error.
 * Chromium: /usr/bin/chromium, or CHROMIUM_PATH.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { caseReportSection, type ReportCase, reportCaseFromBundle, reportDocument } from "../src/shared/case-report.ts";
import { isCommand } from "../src/shared/run-as-command.node.ts";
import { verifyReply } from "../src/shared/timestamp.ts";

export function reportHtml(cases: ReportCase[]): string {
  const title = cases.length === 1 ? `Case ${cases[0]?.caseId ?? ""}` : `${cases.length} cases`;
  return reportDocument(`Copycatch case report: ${title}`, cases.map(caseReportSection));
}

export async function printPdf(html: string): Promise<Uint8Array> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: set CHROMIUM_PATH`);
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    // No request leaves the page: the report is self-contained (the screenshot is a data: URL).
    await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== "--");
  const at = args.findIndex((a) => a === "-o" || a === "--output");
  const out = at >= 0 ? args[at + 1] : undefined;
  const html = args.includes("--html");
  const inputs = args.filter((a, i) => !a.startsWith("-") && (at < 0 || i !== at + 1));
  if (inputs.length === 0 || !out) {
    console.error("usage: case-report CASE.zip [MORE.zip ...] -o REPORT.pdf [--html]");
    return 2;
  }
  const cases: ReportCase[] = [];
  for (const file of inputs) {
    try {
      cases.push(
        await reportCaseFromBundle(new Uint8Array(readFileSync(file)), new Date(), { checkTimestamp: verifyReply }),
      );
    } catch (error) {
      console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  }
  const document = reportHtml(cases);
  writeFileSync(out, html ? document : await printPdf(document));
  for (const c of cases) {
    console.log(`${c.integrity.intact ? "INTACT" : "TAMPERED"}  case ${c.caseId}`);
  }
  console.log(`wrote ${out}`);
  return 0;
}

if (isCommand(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
