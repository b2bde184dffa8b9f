import { describe, expect, it, vi } from "vitest";
import { contentSender, pageSender, SELF } from "../../test-support/senders.ts";

// The checks below never call a browser API.
vi.mock("webextension-polyfill", async () => (await import("../../test-support/senders.ts")).polyfillStub());

const { dispatch } = await import("./dispatch.ts");
const { HANDLERS } = await import("./handlers/index.ts");

const CONTENT = contentSender();
const PAGE = pageSender("src/popup/index.html?tab=7");

/** Messages a web page may send through its content script; everything else is privileged. */
const CONTENT_MESSAGES = ["listing", "not-listing"];

describe("dispatch", () => {
  it("refuses unknown and malformed messages", async () => {
    expect(await dispatch(HANDLERS, { type: "nope" }, PAGE, SELF)).toEqual({ ok: false, error: "Unknown message" });
    expect(await dispatch(HANDLERS, "listing", CONTENT, SELF)).toEqual({ ok: false, error: "Unknown message" });
    expect(await dispatch(HANDLERS, { type: "__proto__" }, PAGE, SELF)).toEqual({
      ok: false,
      error: "Unknown message",
    });
  });

  it("only the listing messages accept content scripts; every privileged handler refuses them", async () => {
    for (const [type, handler] of Object.entries(HANDLERS)) {
      expect(handler.from.includes("content"), type).toBe(CONTENT_MESSAGES.includes(type));
      if (CONTENT_MESSAGES.includes(type)) continue;
      const reply = await dispatch(HANDLERS, { type, tabId: 7 }, CONTENT, SELF);
      expect(reply, type).toEqual({ ok: false, error: `"${type}" is not accepted from this sender` });
    }
  });

  it("extension pages cannot forge a content script's listing", async () => {
    const reply = await dispatch(HANDLERS, { type: "listing", listing: {} }, PAGE, SELF);
    expect(reply).toEqual({ ok: false, error: '"listing" is not accepted from this sender' });
  });

  it("refuses another extension for every message", async () => {
    for (const type of Object.keys(HANDLERS)) {
      const reply = await dispatch(HANDLERS, { type }, { ...PAGE, id: "another-extension" }, SELF);
      expect(reply.ok, type).toBe(false);
    }
  });

  it("turns a payload that fails validation into a clear error, without calling the handler", async () => {
    const reply = await dispatch(HANDLERS, { type: "listing", listing: { url: "javascript:alert(1)" } }, CONTENT, SELF);
    expect(reply).toEqual({ ok: false, error: "url: expected an http(s) URL" });
    const bad = await dispatch(HANDLERS, { type: "get-tab-state", tabId: -1 }, PAGE, SELF);
    expect(bad).toEqual({ ok: false, error: "tabId: expected a tab id" });
  });

  it("catches a handler that throws", async () => {
    const handlers = {
      ...HANDLERS,
      "get-tab-state": {
        from: ["extension-page"] as const,
        validate: () => ({ type: "get-tab-state" as const, tabId: 1 }),
        handle: async () => {
          throw new Error("storage is gone");
        },
      },
    };
    expect(await dispatch(handlers, { type: "get-tab-state", tabId: 1 }, PAGE, SELF)).toEqual({
      ok: false,
      error: "storage is gone",
    });
  });
});
