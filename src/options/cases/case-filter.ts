import type { CaseRecord, DeliveryState } from "../../shared/case.ts";

export interface CaseFilter {
  brand: string;
  marketplace: string;
  seller: string;
  state: DeliveryState | "";
}

export const NO_FILTER: CaseFilter = { brand: "", marketplace: "", seller: "", state: "" };

export function applyFilter(cases: CaseRecord[], f: CaseFilter): CaseRecord[] {
  const seller = f.seller.trim().toLowerCase();
  return cases.filter(
    (c) =>
      (!f.brand || c.brandName === f.brand) &&
      (!f.marketplace || c.marketplace === f.marketplace) &&
      (!seller || (c.sellerName ?? "").toLowerCase().includes(seller)) &&
      (!f.state || c.delivery.state === f.state),
  );
}

export function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null && v !== ""))].sort();
}
