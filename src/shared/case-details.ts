/**
 * What the agent adds to a case when filing it: where the infringement
 * appears and the test-buy orders that prove it. Portals ask for both (Temu's
 * type of infringement, its supporting test-buy order ids).
 */

export const INFRINGEMENT_PLACES = ["product", "packaging", "images", "text"] as const;
export type InfringementPlace = (typeof INFRINGEMENT_PLACES)[number];

export interface CaseDetails {
  where: InfringementPlace[];
  testBuyOrders: string[];
}

export const MAX_TEST_BUY_ORDERS = 20;

export function emptyDetails(): CaseDetails {
  return { where: [], testBuyOrders: [] };
}

/** Rebuild details from untrusted input (a message): known places only, order ids trimmed, capped and de-duplicated. */
export function validateDetails(raw: unknown): CaseDetails {
  if (raw === undefined || raw === null) return emptyDetails();
  if (typeof raw !== "object") throw new TypeError("details: expected an object");
  const r = raw as Record<string, unknown>;
  const where = r.where ?? [];
  const orders = r.testBuyOrders ?? [];
  if (!Array.isArray(where) || !where.every((w) => (INFRINGEMENT_PLACES as readonly unknown[]).includes(w))) {
    throw new TypeError(`details.where: expected some of ${INFRINGEMENT_PLACES.join(", ")}`);
  }
  if (!Array.isArray(orders) || !orders.every((o) => typeof o === "string" && o.length <= 100)) {
    throw new TypeError("details.testBuyOrders: expected order ids (text, at most 100 characters each)");
  }
  const ids = [...new Set(orders.map((o: string) => o.trim()).filter((o) => o.length > 0))];
  if (ids.length > MAX_TEST_BUY_ORDERS) throw new TypeError(`details.testBuyOrders: at most ${MAX_TEST_BUY_ORDERS}`);
  return {
    where: INFRINGEMENT_PLACES.filter((p) => where.includes(p)),
    testBuyOrders: ids,
  };
}

/** "A-1, B-2; C-3" or one per line → order ids. */
export function parseOrderIds(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
