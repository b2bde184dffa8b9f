import type { BrowserContext, Locator, Page } from "@playwright/test";
import { builtPath } from "../../scripts/lib/browser.ts";

function popupUrl(extensionId: string, tabId: number): string {
  return `chrome-extension://${extensionId}/${builtPath("popup")}?tab=${tabId}`;
}

/** The popup, opened as a normal page for a given tab (an action popup is not reachable from Playwright). */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string, tabId: number): Promise<PopupPage> {
    const page = await context.newPage();
    await page.setViewportSize({ width: 380, height: 600 });
    await page.goto(popupUrl(extensionId, tabId));
    return new PopupPage(page);
  }

  /** The same popup page, now describing another tab (cheaper than a new page per tab). */
  async showTab(extensionId: string, tabId: number): Promise<void> {
    await this.page.goto(popupUrl(extensionId, tabId));
  }

  get risk(): Locator {
    return this.page.locator("h1.risk");
  }
  get score(): Locator {
    return this.page.locator(".score");
  }
  get reasons(): Locator {
    return this.page.locator(".reasons .reason");
  }
  get stateTitle(): Locator {
    return this.page.locator(".state-title");
  }
  field(name: "title" | "brand" | "price" | "seller" | "marketplace"): Locator {
    return this.page.locator(`dd[data-field="${name}"]`);
  }
  /** A listing field's value as isolated text (its own direction inside the popup's). */
  isolated(name: "title" | "brand" | "seller"): Locator {
    return this.field(name).locator("bdi");
  }
  /** The document element, which carries `lang` and `dir` of the language in use. */
  get html(): Locator {
    return this.page.locator("html");
  }
  get claimedBrand(): Locator {
    return this.page.locator("p.brand");
  }
  /** The listing words quoted as evidence in the reasons, each isolated. */
  get evidence(): Locator {
    return this.page.locator(".reasons q.evidence bdi");
  }
  async reload(): Promise<void> {
    await this.page.reload();
  }
  async close(): Promise<void> {
    await this.page.close();
  }
}
