import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Locator, Page } from "@playwright/test";

/** The case workspace (src/workspace): list, case detail, seller view, printable report. */
export class WorkspacePage {
  private constructor(
    readonly page: Page,
    private readonly base: string,
  ) {}

  static async open(context: BrowserContext, extensionId: string, hash = ""): Promise<WorkspacePage> {
    const page = await context.newPage();
    const base = `chrome-extension://${extensionId}/src/workspace/index.html`;
    await page.goto(base + hash);
    return new WorkspacePage(page, base);
  }

  async go(hash: string): Promise<void> {
    await this.page.goto(this.base + hash);
    await this.page.reload();
  }

  get rows(): Locator {
    return this.page.locator("tr.ws-row");
  }
  row(caseId: string): Locator {
    return this.page.locator(`tr.ws-row[data-case-id="${caseId}"]`);
  }
  get count(): Locator {
    return this.page.locator(".case-count");
  }
  async filter(name: "q" | "seller" | "from" | "to", value: string): Promise<void> {
    await this.page.locator(`.ws-filters input[name="${name}"]`).fill(value);
  }
  async choose(name: "brand" | "marketplace" | "state" | "sort", value: string): Promise<void> {
    await this.page.locator(`.ws-filters select[name="${name}"]`).selectOption(value);
  }

  async openCase(caseId: string): Promise<void> {
    await this.row(caseId).locator(".ws-title a").click();
    await this.page.locator(`article.case-view[data-case-id="${caseId}"]`).waitFor();
  }
  get state(): Locator {
    return this.page.locator(".follow-up strong.state");
  }
  async moveTo(state: string, fields: { portal?: string; reference?: string; note?: string } = {}): Promise<void> {
    await this.page.locator(`.state-moves button[data-to="${state}"]`).click();
    const form = this.page.locator("form.state-form");
    if (fields.portal) await form.locator('select[name="portal"]').selectOption(fields.portal);
    if (fields.reference) await form.locator('input[name="reference"]').fill(fields.reference);
    if (fields.note) await form.locator('input[name="note"]').fill(fields.note);
    await form.locator("button.confirm-state").click();
    await this.page.locator(`.follow-up strong.state[data-state="${state}"]`).waitFor();
  }
  get history(): Locator {
    return this.page.locator("li.history-event");
  }

  /** Click a download button and return the file's bytes and suggested name. */
  async download(button: Locator): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), button.click()]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  }

  /** Chromium's print to PDF of the current view (print media), written to a temporary file. */
  async printPdf(name: string): Promise<string> {
    await this.page.emulateMedia({ media: "print" });
    const path = join(mkdtempSync(join(tmpdir(), "ws-print-")), `${name}.pdf`);
    await this.page.pdf({ path, format: "A4", printBackground: true, preferCSSPageSize: true });
    await this.page.emulateMedia({ media: "screen" });
    return path;
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
