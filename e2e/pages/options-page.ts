import type { BrowserContext, Locator, Page } from "@playwright/test";
import { builtPath } from "../../scripts/lib/browser.ts";

/**
 * The options page as a page object. Sections add their methods in their own
 * clearly marked blocks below.
 */
export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${builtPath("options")}`);
    return new OptionsPage(page);
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  async close(): Promise<void> {
    await this.page.close();
  }

  // ───────────────────────────── Rules section ─────────────────────────────

  get rules(): Locator {
    return this.page.locator("section.rules-section");
  }

  /** The last notice of the rules section (success or error). */
  get rulesNotice(): Locator {
    return this.rules.locator(".rules-notice");
  }

  async subscribe(opts: {
    url: string;
    publicKey?: string;
    allowUnsigned?: boolean;
    brandOwner?: boolean;
  }): Promise<void> {
    const form = this.rules.locator("form.rules-add");
    await form.getByLabel("Feed address").fill(opts.url);
    if (opts.publicKey) {
      await form.getByLabel(/Publisher's public key/).fill(opts.publicKey);
      await form.locator(".rules-fingerprint").waitFor();
    }
    if (opts.allowUnsigned) await form.getByLabel(/Accept unsigned packs/).check();
    if (opts.brandOwner) await form.getByLabel(/brand's own feed/).check();
    await form.getByRole("button", { name: "Subscribe" }).click();
  }

  subscription(url: string): Locator {
    return this.rules.locator(`li.rules-sub[data-url="${url}"]`);
  }

  subscriptionStatus(url: string): Locator {
    return this.subscription(url).locator(".rules-status");
  }

  subscriptionError(url: string): Locator {
    return this.subscription(url).locator(".rules-error");
  }

  async updateNow(url: string): Promise<void> {
    await this.subscription(url).getByRole("button", { name: "Update now" }).click();
  }

  async removeSubscription(url: string): Promise<void> {
    await this.subscription(url).getByRole("button", { name: "Remove" }).click();
  }

  packRow(id: string): Locator {
    return this.rules.locator(`tr.rules-pack[data-pack-id="${id}"]`);
  }

  packVersion(id: string): Locator {
    return this.packRow(id).locator('td[data-col="version"]');
  }

  /** Chooses a pack file in the import form (found by its name, so in any UI language). */
  async importPackFile(path: string): Promise<void> {
    await this.rules.locator('input[name="pack-file"]').setInputFiles(path);
  }

  /** The notice naming packs and rules left out because their stored copy is damaged. */
  get damagedRules(): Locator {
    return this.rules.locator(".rules-damaged li");
  }

  /**
   * Damages a stored pack as a disk or an older version could (its brands no longer a list) and drops the compiled
   * rules, straight in the extension's IndexedDB: the worker's next start compiles from the stored packs again.
   */
  async damageStoredPack(id: string): Promise<void> {
    await this.page.evaluate(
      (packId) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open("copycatch");
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const database = req.result;
            const tx = database.transaction(["packs", "compiled", "settings"], "readwrite");
            const packs = tx.objectStore("packs");
            const get = packs.get(packId);
            get.onsuccess = () => {
              const record = get.result;
              if (!record) return reject(new Error(`no stored pack ${packId}`));
              record.pack.brands = "not a list";
              packs.put(record);
            };
            tx.objectStore("compiled").clear();
            tx.objectStore("settings").delete("rules:active");
            tx.oncomplete = () => {
              database.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      id,
    );
  }

  /** The overview the section renders, straight from the worker (wakes it if stopped). */
  async rulesOverview(): Promise<import("../../src/shared/messages/packs.ts").RulesOverview> {
    return this.page.evaluate(async () => {
      const reply = await chrome.runtime.sendMessage({ type: "rules-overview" });
      if (!reply?.ok) throw new Error(reply?.error ?? "no reply");
      return reply.value;
    });
  }

  /**
   * The verdict stored for the tab showing `url` (storage.session is readable
   * from extension pages; tab URLs are not, without the "tabs" permission).
   */
  async verdictFor(url: string): Promise<{ risk: string; brand: string | null } | null> {
    return this.page.evaluate(async (u) => {
      type State = { status: string; url?: string; verdict?: { risk: string; brand: { name: string } | null } };
      const all = (await chrome.storage.session.get(null)) as Record<string, State>;
      const state = Object.entries(all).find(
        ([k, v]) => k.startsWith("tab:") && v.status === "verdict" && v.url === u,
      )?.[1];
      return state?.verdict ? { risk: state.verdict.risk, brand: state.verdict.brand?.name ?? null } : null;
    }, url);
  }

  /** Overrides the feed fetch policy (timeout, retries) in the extension's IndexedDB settings. */
  async setFeedFetchPolicy(policy: { timeoutMs: number; retries: number; retryBaseMs: number }): Promise<void> {
    await this.rulesOverview(); // the worker has created the database by now
    await this.page.evaluate(
      (p) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open("copycatch");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const database = open.result;
            const tx = database.transaction("settings", "readwrite");
            tx.objectStore("settings").put(p, "rules:fetch-policy");
            tx.oncomplete = () => {
              database.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      policy,
    );
  }

  // ─────────────────────────── end of the Rules section block ───────────────────────────

  // ───────────────────────────── Language section ─────────────────────────────

  /** The document element, which carries `lang` and `dir` of the language in use. */
  get html(): Locator {
    return this.page.locator("html");
  }

  get languageSelect(): Locator {
    return this.page.locator("select#ui-language");
  }

  /** Choose a UI language ("" for the browser's) and wait until this page shows it. */
  async chooseLanguage(code: string, tag: string): Promise<void> {
    await this.languageSelect.selectOption(code);
    await this.page.locator(`html[lang="${tag}"]`).waitFor({ state: "attached" });
  }
}
