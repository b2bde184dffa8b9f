import { describe, expect, it } from "vitest";
import { emptyListing } from "./listing.ts";
import { showsPageOf, stateForTab, type TabState } from "./tab-state.ts";

const A = "https://www.amazon.com/dp/B07SRDX1Z1";
const B = "https://www.amazon.com/dp/B00N150YS4";

function verdictState(url: string): TabState {
  return {
    status: "verdict",
    url,
    listing: emptyListing(url, "amazon"),
    verdict: {} as never,
    at: "2026-12-04T00:00:00.000Z",
    extractMs: 1,
  };
}

describe("a tab state belongs to the URL it was recorded for", () => {
  it("shows the verdict while the tab shows that URL", () => {
    const s = verdictState(A);
    expect(showsPageOf(s, A)).toBe(true);
    expect(stateForTab(s, A)).toBe(s);
  });

  it("after a single-page navigation the old verdict is not shown: re-checking instead", () => {
    expect(stateForTab(verdictState(A), B)).toEqual({ status: "rechecking", url: B });
    expect(stateForTab({ status: "not-listing", url: A, at: "" }, B)).toEqual({ status: "rechecking", url: B });
  });

  it("an unknown tab URL cannot confirm the page (no case), but the popup cannot compare either; states without a URL stand", () => {
    expect(showsPageOf(verdictState(A), null)).toBe(false);
    expect(showsPageOf(verdictState(A), undefined)).toBe(false);
    expect(stateForTab(verdictState(A), null).status).toBe("verdict");
    expect(stateForTab({ status: "none" }, B)).toEqual({ status: "none" });
    expect(stateForTab({ status: "error", message: "x", at: "" }, B).status).toBe("error");
  });
});
