import type { BrowserContext, Locator, Page } from "@playwright/test";
import { builtPath } from "../../scripts/lib/browser.ts";

export interface Registration {
  office: string;
  number: string;
  classes: string;
  jurisdiction: string;
  expiry: string;
}

export interface FullProfile {
  name: string;
  company: string;
  email: string;
  phone: string;
  address: string;
  authorisationRef: string;
  trademarks: Registration[];
}

export interface Document {
  kind: "authorisation" | "certificate";
  registration?: string;
  file: { name: string; mimeType: string; buffer: Buffer };
}

/** The options page as an agent sets it up: role, the whole profile, registrations per jurisdiction, documents. */
export class AgentOptions {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<AgentOptions> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${builtPath("options")}`);
    return new AgentOptions(page);
  }

  async becomeAgent(): Promise<void> {
    await this.page.locator('input[name="role"][value="agent"]').check();
    await this.page.locator(".role-note").getByText("Agent mode on").waitFor();
  }

  async fillProfile(p: FullProfile): Promise<void> {
    const form = this.page.locator("form.profile-form");
    for (const key of ["name", "company", "email", "phone", "address", "authorisationRef"] as const) {
      await form.locator(`input[name="${key}"]`).fill(p[key]);
    }
    for (const [i, mark] of p.trademarks.entries()) {
      await form.locator("button.add-trademark").click();
      for (const key of ["office", "number", "classes", "jurisdiction", "expiry"] as const) {
        await form.locator(`input[name="${key}-${i}"]`).fill(mark[key]);
      }
    }
    await form.locator("button.save-profile").click();
    await this.page.locator(".profile-status").getByText("Profile saved.").waitFor();
  }

  async addDocument(doc: Document): Promise<void> {
    const box = this.page.locator("fieldset.profile-documents");
    await box.locator('select[name="document-kind"]').selectOption(doc.kind);
    if (doc.registration) await box.locator('input[name="document-registration"]').fill(doc.registration);
    await box.locator('input[name="document-file"]').setInputFiles(doc.file);
    await box.locator(".documents-status").getByText(`${doc.file.name} added.`).waitFor();
  }

  documents(): Locator {
    return this.page.locator("fieldset.profile-documents li.document");
  }

  /** Export a case's ZIP from the cases list. */
  async exportZip(caseId: string): Promise<Buffer> {
    await this.page.reload();
    const row = this.page.locator(`tr.case-row[data-case-id="${caseId}"]`);
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      row.locator("button.export-zip").click(),
    ]);
    const { readFileSync } = await import("node:fs");
    return readFileSync(await download.path());
  }
}

/** The popup's agent panel: the case's details, filing, and the notice with its warnings. */
export class AgentReport {
  constructor(readonly page: Page) {}

  async setWhere(places: ("product" | "packaging" | "images" | "text")[]): Promise<void> {
    for (const place of places) await this.page.locator(`input[name="where"][value="${place}"]`).check();
  }

  async setTestBuys(ids: string): Promise<void> {
    await this.page.locator('input[name="test-buy-orders"]').fill(ids);
  }

  /** Files the case; returns its id. */
  async file(): Promise<string> {
    await this.page.getByRole("button", { name: "File a case with evidence" }).click();
    await this.page.locator(".report.filed h2").getByText("Case saved").waitFor();
    return (await this.page.locator(".case-id code").textContent()) ?? "";
  }

  get portalName(): Locator {
    return this.page.locator(".report.filed h3");
  }
  get errors(): Locator {
    return this.page.locator(".notice-errors li");
  }
  get warnings(): Locator {
    return this.page.locator(".notice-warnings li");
  }
  get unverified(): Locator {
    return this.page.locator(".report.filed .unverified-url");
  }
  get submitTo(): Locator {
    return this.page.locator(".submit-to code");
  }
  get attachments(): Locator {
    return this.page.locator(".notice-attachments");
  }

  /** The notice as text (the preview the agent copies). */
  async noticeText(): Promise<string> {
    await this.page.locator(".notice-preview summary").click();
    return (await this.page.locator(".notice-text").textContent()) ?? "";
  }
}
