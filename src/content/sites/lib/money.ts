/** Price helpers shared by adapters: the site's currency by domain, and fixing ambiguous symbols ("$", "kr"). */
import type { Money } from "../../../shared/listing.ts";
import { parsePrice } from "../../../shared/price.ts";

/** Currencies whose symbol several countries share ("$", "¥", "kr"): the page's country decides which one it means. */
const AMBIGUOUS = new Set(["USD", "JPY", "CNY", "SEK", "NOK", "DKK"]);

/**
 * parsePrice with the site's currency for ambiguous symbols: "$ 12" on
 * amazon.ca is CAD, "$ 1.299" on mercadolibre.com.ar is ARS. An explicit
 * ISO code or "US$" on the page wins over the domain.
 */
export function priceFor(raw: string | null | undefined, siteCurrency: string | null): Money | null {
  if (!raw) return null;
  const money = parsePrice(raw, siteCurrency);
  if (!money) return null;
  if (!siteCurrency || money.currency === siteCurrency) return money;
  if (/\b[A-Z]{3}\b|US\s?\$|U\$S/.test(raw)) return money;
  if (!money.currency || AMBIGUOUS.has(money.currency)) return { ...money, currency: siteCurrency };
  return money;
}
