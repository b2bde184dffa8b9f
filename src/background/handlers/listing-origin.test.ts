/** A content script may only describe the page it runs in: a listing or not-listing for another origin is refused. */
import { describe, expect, it, vi } from "vitest";

import { contentSender, SELF } from "../../../test-support/senders.ts";

vi.mock("webextension-polyfill", async () => (await import("../../../test-support/senders.ts")).polyfillStub());

const { dispatch } = await import("../dispatch.ts");
const { HANDLERS } = await import("./index.ts");
const { emptyListing } = await import("../../shared/listing.ts");

const CONTENT = contentSender();

describe("content messages about another page", () => {
  it("a listing whose url is on another origin than the sender's page is refused", async () => {
    const listing = emptyListing("https://www.ebay.com/itm/1", "ebay");
    expect(await dispatch(HANDLERS, { type: "listing", listing, extractMs: 1 }, CONTENT, SELF)).toEqual({
      ok: false,
      error: "listing.url is not the sender's page",
    });
  });
  it("a not-listing for another origin is refused", async () => {
    expect(await dispatch(HANDLERS, { type: "not-listing", url: "https://evil.example/" }, CONTENT, SELF)).toEqual({
      ok: false,
      error: "url is not the sender's page",
    });
  });
});
