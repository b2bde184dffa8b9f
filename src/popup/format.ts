import { t } from "../shared/i18n.ts";
import type { Money } from "../shared/listing.ts";
import type { Risk } from "../shared/verdict.ts";

export function riskLabel(risk: Risk): string {
  return t(`risk_${risk}`);
}

export function riskHint(risk: Risk): string {
  return t(`risk_hint_${risk}`);
}

/** A listing's price as the page gave it (amount text and currency code): quoted, not reformatted. */
export function formatMoney(money: Money | null): string | null {
  if (!money) return null;
  return money.currency ? `${money.amount} ${money.currency}` : money.amount;
}
