// The webhook token is written by the options page and read only by the worker's delivery code: no reply a page
// can ask for carries it. fake-indexeddb stands in for the extension's database.
import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";

import { pageSender, SELF } from "../../../test-support/senders.ts";

// Nothing here needs a browser API beyond the alarms the webhook settings touch.
vi.mock("webextension-polyfill", async () =>
  (await import("../../../test-support/senders.ts")).polyfillStub({
    alarms: { create: vi.fn(), clear: vi.fn() },
    tabs: {},
  }),
);

const { dispatch } = await import("../dispatch.ts");
const { HANDLERS } = await import("./index.ts");
const { getWebhook } = await import("../report/settings.ts");

const OPTIONS = pageSender("src/options/index.html");
const TOKEN = "tok-5ecret-3f9a1c77d2e8";

/** The message types a page may send with no payload: the reads (and a few actions) the pages open with. */
function payloadFreeTypes(): string[] {
  return Object.entries(HANDLERS as Record<string, { validate(raw: Record<string, unknown>): unknown }>)
    .filter(([type, h]) => {
      try {
        h.validate({ type });
        return true;
      } catch {
        return false;
      }
    })
    .map(([type]) => type)
    .filter((type) => /^(get-|list-|rules-|case-summaries)/.test(type));
}

describe("the webhook token never reaches a page", () => {
  it("is stored by set-webhook and read back by the worker only", async () => {
    const set = await dispatch(
      HANDLERS,
      { type: "set-webhook", url: "https://hooks.example/cases", token: TOKEN },
      OPTIONS,
      SELF,
    );
    expect(set.ok).toBe(true);
    expect((await getWebhook())?.token).toBe(TOKEN);
  });

  it("get-report-settings says only that a token is set", async () => {
    const reply = await dispatch(HANDLERS, { type: "get-report-settings" }, OPTIONS, SELF);
    expect(reply.ok).toBe(true);
    expect(reply.ok && (reply.value as { webhook?: unknown }).webhook).toEqual({
      url: "https://hooks.example/cases",
      hasToken: true,
    });
    expect(JSON.stringify(reply)).not.toContain(TOKEN);
  });

  it("no payload-free read a page can send carries it", async () => {
    const types = payloadFreeTypes();
    expect(types).toContain("get-report-settings");
    expect(types.length).toBeGreaterThan(3);
    for (const type of types) {
      const reply = await dispatch(HANDLERS, { type }, OPTIONS, SELF);
      expect(JSON.stringify(reply), type).not.toContain(TOKEN);
    }
  });
});
