/**
 * Property-based fuzzing (fast-check) of every message type's validator: wrong
 * types, huge strings, deep nesting, many keys, "__proto__"/"constructor" keys.
 * Each validator refuses with a clear error or returns a rebuilt request; none
 * crashes, pollutes a prototype, or reads more than a bounded number of
 * values, whatever the input's size (counted reads, not time).
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { counting, hostileObject, hostileValue, isCrash, prototypeIntact } from "../../shared/fuzz.node.ts";
import { emptyProfile } from "../../shared/profile.ts";

vi.mock("webextension-polyfill", () => ({ default: { runtime: {}, storage: {}, action: {} } }));

const { HANDLERS } = await import("./index.ts");

/** The payload fields each message reads (any others are random keys). */
const FIELDS: Record<string, string[]> = {
  listing: ["listing", "extractMs"],
  "not-listing": ["url"],
  "get-tab-state": ["tabId"],
  "check-page": ["tabId"],
  "rules-overview": [],
  "rules-health": [],
  subscribe: ["url", "intervalMinutes", "allowUnsigned", "brandOwner", "publicKey"],
  "update-subscription": ["id"],
  unsubscribe: ["id"],
  "import-pack": ["text"],
  "remove-pack": ["id"],
  "report-case": ["tabId", "details"],
  "add-attachment": ["kind", "name", "mime", "registration", "base64"],
  "remove-attachment": ["id"],
  "case-summaries": [],
  "get-case": ["caseId"],
  "get-evidence": ["caseId", "name"],
  "set-case-state": ["caseId", "to", "portal", "reference", "note"],
  "set-case-notes": ["caseId", "notes"],
  "seller-history": ["tabId"],
  "get-workspace-settings": [],
  "set-recheck": ["settings"],
  "set-tsa": ["url"],
  "save-timestamp": ["caseId", "reply", "genTime", "signer"],
  "recheck-case": ["caseId"],
  "get-report-settings": [],
  "set-role": ["role"],
  "set-profile": ["profile"],
  "set-webhook": ["url", "token"],
  "list-cases": [],
  "export-case": ["caseId"],
  "send-case": ["caseId"],
  "record-correction": ["correction"],
  "list-corrections": [],
  "brand-contact": ["brandId"],
  highlight: ["tabId", "phrases", "on"],
};

/** Nested payloads fuzzed field by field too, not only as a whole. */
const NESTED: Record<string, Record<string, string[]>> = {
  "set-profile": { profile: Object.keys(emptyProfile()) },
  "record-correction": { correction: ["url", "risk", "score", "brandId", "userSays", "note", "title"] },
};

function payloadOf(type: string, fields: string[]): fc.Arbitrary<Record<string, unknown>> {
  const nested = NESTED[type];
  if (!nested) return hostileObject(fields);
  const shaped = Object.fromEntries(
    Object.entries(nested).map(([k, inner]) => [k, fc.oneof(hostileValue, hostileObject(inner))]),
  );
  return fc.tuple(hostileObject(fields), fc.record(shaped)).map(([a, b]) => ({ ...a, ...b }));
}

/** Values read per validation, whatever the payload: a bound on work, far above what a real payload needs. */
const MAX_READS = 2_000;

describe("message validators under fuzzing", () => {
  it("every message type is fuzzed", () => {
    expect(Object.keys(HANDLERS).sort()).toEqual(Object.keys(FIELDS).sort());
  });

  for (const [type, fields] of Object.entries(FIELDS)) {
    it(`"${type}": refuses cleanly or rebuilds, with bounded reads`, () => {
      const handler = HANDLERS[type as keyof typeof HANDLERS];
      fc.assert(
        fc.property(payloadOf(type, fields), (payload) => {
          const input = counting({ ...payload, type });
          let result: unknown;
          try {
            result = handler.validate(input.value as never);
          } catch (error) {
            expect(isCrash(error), String(error)).toBe(false);
            expect((error as Error).message.length).toBeLessThan(1000);
          }
          expect(input.reads()).toBeLessThanOrEqual(MAX_READS);
          expect(prototypeIntact()).toBe(true);
          if (result !== undefined) {
            expect((result as { type: string }).type).toBe(type);
            // A rebuilt request: plain data, no proxy of the input left inside.
            expect(() => structuredClone(result)).not.toThrow();
          }
        }),
        { numRuns: 60 },
      );
    });
  }
});
