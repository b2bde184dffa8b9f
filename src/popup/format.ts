import type { Money } from "../shared/listing.ts";
import type { Risk } from "../shared/verdict.ts";

export const RISK_LABEL: Record<Risk, string> = {
  high: "High risk",
  medium: "Medium risk",
  low: "Low risk",
  unknown: "No brand claim",
};

export const RISK_HINT: Record<Risk, string> = {
  high: "This listing shows strong signs of a counterfeit.",
  medium: "Some signs of a counterfeit: check before you buy.",
  low: "Nothing suspicious found for the brand it claims.",
  unknown: "Copycatch found no brand it knows on this listing.",
};

export function formatMoney(money: Money | null): string | null {
  if (!money) return null;
  return money.currency ? `${money.amount} ${money.currency}` : money.amount;
}
