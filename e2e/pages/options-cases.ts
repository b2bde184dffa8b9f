import { readFileSync } from "node:fs";
import type { BrowserContext, Locator, Page } from "@playwright/test";
import { builtPath } from "../../scripts/lib/browser.ts";

export interface ProfileInput {
  name: string;
  company: string;
  email: string;
  authorisationRef: string;
  trademarks: { office: string; number: string; classes: string }[];
}

/** The agent profile the specs file cases with (hand-written; the trademark number is ViewSonic's US registration). */
export const SAMPLE_AGENT: ProfileInput = {
  name: "Ada Agent",
  company: "ViewSonic Corporation",
  email: "brand-protection@example.com",
  authorisationRef: "LOA-2025-017",
  trademarks: [{ office: "USPTO", number: "1695437", classes: "9" }],
};

/** The options page's role, profile, webhook and cases sections. */
export class OptionsCases {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsCases> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${builtPath("options")}`);
    return new OptionsCases(page);
  }

  /** The options page opened, agent mode on and the profile saved. */
  static async openAsAgent(
    context: BrowserContext,
    extensionId: string,
    profile: ProfileInput = SAMPLE_AGENT,
  ): Promise<OptionsCases> {
    const options = await OptionsCases.open(context, extensionId);
    await options.becomeAgent(profile);
    return options;
  }

  async chooseRole(role: "shopper" | "agent"): Promise<void> {
    await this.page.locator(`input[name="role"][value="${role}"]`).check();
  }

  /** Agent role on, then the profile saved. */
  async becomeAgent(profile: ProfileInput = SAMPLE_AGENT): Promise<void> {
    await this.chooseRole("agent");
    await this.page.locator(".role-note").getByText("Agent mode on").waitFor();
    await this.fillProfile(profile);
  }

  async fillProfile(p: ProfileInput): Promise<void> {
    const form = this.page.locator("form.profile-form");
    for (const key of ["name", "company", "email", "authorisationRef"] as const) {
      await form.locator(`input[name="${key}"]`).fill(p[key]);
    }
    for (const [i, mark] of p.trademarks.entries()) {
      await form.locator("button.add-trademark").click();
      await form.locator(`input[name="office-${i}"]`).fill(mark.office);
      await form.locator(`input[name="number-${i}"]`).fill(mark.number);
      await form.locator(`input[name="classes-${i}"]`).fill(mark.classes);
    }
    await form.locator("button.save-profile").click();
    await this.page.locator(".profile-status").getByText("Profile saved.").waitFor();
  }

  async setWebhook(url: string, token: string): Promise<void> {
    await this.page.locator('input[name="webhook-url"]').fill(url);
    await this.page.locator('input[name="webhook-token"]').fill(token);
    await this.page.locator("button.save-webhook").click();
    await this.page
      .locator(".webhook-status")
      .getByText(/^Webhook saved/)
      .waitFor();
  }

  get rows(): Locator {
    return this.page.locator("tr.case-row");
  }
  row(caseId: string): Locator {
    return this.page.locator(`tr.case-row[data-case-id="${caseId}"]`);
  }
  /** A case's last delivery error ("Last error: …"), shown once a send has failed. */
  lastError(caseId: string): Locator {
    return this.row(caseId).locator(".delivery-error");
  }
  async refresh(): Promise<void> {
    await this.page.locator("button.refresh-cases").click();
  }

  /** Click a download button and return the file's bytes and suggested name. */
  async download(button: Locator): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), button.click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: readFileSync(path) };
  }

  exportZip(caseId: string): Promise<{ name: string; bytes: Buffer }> {
    return this.download(this.row(caseId).locator("button.export-zip"));
  }
  exportCsv(): Promise<{ name: string; bytes: Buffer }> {
    return this.download(this.page.locator("button.export-csv"));
  }
  exportJson(): Promise<{ name: string; bytes: Buffer }> {
    return this.download(this.page.locator("button.export-json"));
  }
  exportCorrections(): Promise<{ name: string; bytes: Buffer }> {
    return this.download(this.page.locator("button.export-corrections"));
  }

  /** Count the records of the report stores, read straight from the extension's IndexedDB. */
  storeCounts(): Promise<Record<"cases" | "evidence" | "outbox", number>> {
    return this.page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open("copycatch");
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const database = req.result;
            const tx = database.transaction(["cases", "evidence", "outbox"]);
            const out: Record<string, number> = {};
            for (const name of ["cases", "evidence", "outbox"]) {
              const r = tx.objectStore(name).count();
              r.onsuccess = () => {
                out[name] = r.result;
              };
            }
            tx.oncomplete = () => {
              database.close();
              resolve(out as Record<"cases" | "evidence" | "outbox", number>);
            };
          };
        }),
    );
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
