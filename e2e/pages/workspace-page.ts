import { readFileSync } from "node:fs";
import { type BrowserContext, type Locator, type Page, test } from "@playwright/test";

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

  /** The document element, which carries `lang` and `dir` of the language in use. */
  get html(): Locator {
    return this.page.locator("html");
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

  /** Switch re-checks on, on demand (null) or every `minutes`. */
  async enableRecheck(minutes: number | null): Promise<void> {
    const form = this.page.locator("form.recheck-form");
    if (!(await form.isVisible())) await this.page.locator(".ws-settings summary").click();
    await form.locator('input[name="recheck-enabled"]').check();
    await form.locator('select[name="recheck-interval"]').selectOption(minutes === null ? "" : String(minutes));
    await form.locator("button.save-recheck").click();
    await form.locator(".recheck-status").getByText("Re-checks on.").waitFor();
  }
  async disableRecheck(): Promise<void> {
    const form = this.page.locator("form.recheck-form");
    if (!(await form.isVisible())) await this.page.locator(".ws-settings summary").click();
    await form.locator('input[name="recheck-enabled"]').uncheck();
    await form.locator("button.save-recheck").click();
    await form.locator(".recheck-status").getByText("Re-checks off.").waitFor();
  }
  async setTsa(url: string): Promise<void> {
    const form = this.page.locator("form.tsa-form");
    if (!(await form.isVisible())) await this.page.locator(".ws-settings summary").click();
    await form.locator('input[name="tsa-url"]').fill(url);
    await form.locator("button.save-tsa").click();
    await form.locator(".tsa-status").getByText("Trusted time on.").waitFor();
  }
  async settings(): Promise<import("../../src/shared/messages/cases.ts").WorkspaceSettings> {
    return this.page.evaluate(async () => {
      const reply = await chrome.runtime.sendMessage({ type: "get-workspace-settings" });
      if (!reply?.ok) throw new Error(reply?.error ?? "no reply");
      return reply.value;
    });
  }
  /** "Re-check the listing now" on the open case; waits for the result line. */
  async recheck(expected: RegExp): Promise<void> {
    await this.page.locator("button.recheck").click();
    await this.page.locator(".case-status").getByText(expected).waitFor({ timeout: 30_000 });
  }
  /** The stored case, straight from the worker. */
  async caseRecord(caseId: string): Promise<import("../../src/shared/case.ts").CaseRecord> {
    return this.page.evaluate(async (id) => {
      const reply = await chrome.runtime.sendMessage({ type: "get-case", caseId: id });
      if (!reply?.ok) throw new Error(reply?.error ?? "no reply");
      return reply.value.record;
    }, caseId);
  }

  /** Chromium's print to PDF of the current view (print media), written to a temporary file. */
  async printPdf(name: string): Promise<string> {
    await this.page.emulateMedia({ media: "print" });
    const path = test.info().outputPath(`${name}.pdf`);
    await this.page.pdf({ path, format: "A4", printBackground: true, preferCSSPageSize: true });
    await this.page.emulateMedia({ media: "screen" });
    return path;
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
