import { describe, expect, it } from "vitest";
import { parseOrderIds, validateDetails } from "./case-details.ts";
import { attachmentEntryName, emptyProfile, safeFileName, validateProfile } from "./profile.ts";

const doc = { id: "a".repeat(64), kind: "certificate", name: "cert.pdf", mime: "application/pdf", bytes: 100 };

describe("profile: registrations per jurisdiction and stored documents", () => {
  it("keeps jurisdiction (upper-cased) and expiry; older profiles without them load with empty values", () => {
    const p = validateProfile({
      trademarks: [{ office: "EUIPO", number: "1", classes: "25", jurisdiction: "eu", expiry: "2031-01-01" }],
    });
    expect(p.trademarks[0]).toEqual({
      office: "EUIPO",
      number: "1",
      classes: "25",
      jurisdiction: "EU",
      expiry: "2031-01-01",
    });
    const old = validateProfile({ name: "A", trademarks: [{ office: "USPTO", number: "2", classes: "9" }] });
    expect(old.trademarks[0]?.jurisdiction).toBe("");
    expect(old.attachments).toEqual([]);
    expect(emptyProfile().attachments).toEqual([]);
  });

  it("refuses an expiry that is not a date", () => {
    expect(() => validateProfile({ trademarks: [{ number: "1", expiry: "next year" }] })).toThrow(
      /expiry: expected YYYY-MM-DD/,
    );
  });

  it("documents: a SHA-256 id, a known kind, a bounded size, a safe file name", () => {
    const p = validateProfile({ attachments: [{ ...doc, name: "../../etc/passwd\u0007.pdf", registration: "1" }] });
    expect(p.attachments[0]?.name).toBe("passwd_.pdf");
    expect(attachmentEntryName(p.attachments[0] as NonNullable<(typeof p.attachments)[0]>)).toBe(
      "attachments/certificate-aaaaaaaa-passwd_.pdf",
    );
    expect(() => validateProfile({ attachments: [{ ...doc, id: "x" }] })).toThrow(/SHA-256/);
    expect(() => validateProfile({ attachments: [{ ...doc, kind: "video" }] })).toThrow(/kind/);
    expect(() => validateProfile({ attachments: [{ ...doc, bytes: 11 * 1024 * 1024 }] })).toThrow(/size/);
    expect(() => validateProfile({ attachments: Array.from({ length: 21 }, () => doc) })).toThrow(/at most 20/);
    expect(safeFileName("")).toBe("document");
    expect(safeFileName("...hidden")).toBe("hidden");
  });
});

describe("case details", () => {
  it("keeps known places in a fixed order and de-duplicated order ids", () => {
    expect(validateDetails({ where: ["text", "product"], testBuyOrders: [" A-1 ", "A-1", "", "B-2"] })).toEqual({
      where: ["product", "text"],
      testBuyOrders: ["A-1", "B-2"],
    });
    expect(validateDetails(undefined)).toEqual({ where: [], testBuyOrders: [] });
  });

  it("refuses unknown places, non-text ids and too many ids", () => {
    expect(() => validateDetails({ where: ["shoes"] })).toThrow(/details.where/);
    expect(() => validateDetails({ testBuyOrders: [42] })).toThrow(/testBuyOrders/);
    expect(() => validateDetails({ testBuyOrders: Array.from({ length: 21 }, (_, i) => `O-${i}`) })).toThrow(
      /at most 20/,
    );
  });

  it("parses order ids typed in one field", () => {
    expect(parseOrderIds("PO-1, PO-2;PO-3\nPO-4 ,")).toEqual(["PO-1", "PO-2", "PO-3", "PO-4"]);
  });
});
