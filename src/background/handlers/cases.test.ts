import { describe, expect, it, vi } from "vitest";

import { pageSender, SELF } from "../../../test-support/senders.ts";

// Validation runs before any browser call.
vi.mock("webextension-polyfill", async () => (await import("../../../test-support/senders.ts")).polyfillStub());

const { dispatch } = await import("../dispatch.ts");
const { HANDLERS } = await import("./index.ts");

const PAGE = pageSender("src/workspace/index.html");
const CASE = "6f1c7a3e-0000-4000-8000-000000000001";

describe("case workspace messages: payloads are rebuilt before any handler runs", () => {
  it.each([
    [{ type: "get-case", caseId: "../../etc" }, /caseId/],
    [{ type: "set-case-state", caseId: CASE, to: "deleted" }, /to: expected a case state/],
    [{ type: "set-case-state", caseId: CASE, to: "filed", portal: "evil" }, /portal/],
    [{ type: "set-case-state", caseId: CASE, to: "filed", portal: "amazon", reference: "x".repeat(201) }, /reference/],
    [{ type: "set-case-notes", caseId: CASE, notes: 5 }, /notes/],
    [{ type: "set-case-notes", caseId: CASE, notes: "x".repeat(20_001) }, /notes/],
    [{ type: "get-evidence", caseId: CASE, name: { toString: () => "x" } }, /name/],
    [{ type: "set-recheck", settings: { enabled: true, intervalMinutes: 1 } }, /intervalMinutes/],
    [{ type: "set-recheck", settings: { enabled: "yes" } }, /enabled/],
    [{ type: "seller-history", tabId: -1 }, /tabId/],
    [{ type: "set-tsa", url: 42 }, /url/],
  ])("%j is refused", async (message, error) => {
    const reply = await dispatch(HANDLERS, message, PAGE, SELF);
    expect(reply.ok).toBe(false);
    expect(reply.ok ? "" : reply.error).toMatch(error);
  });
});
