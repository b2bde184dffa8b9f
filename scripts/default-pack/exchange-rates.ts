/**
 * Approximate exchange rates, units per US dollar. Recalled by the pack
 * authors for the end of 2024 (no live source was available when the pack was
 * written); good enough to compare a price with a reference that is 3-10x
 * higher, not for accounting. Maintainers should refresh them from a
 * central-bank reference (e.g. ECB euro reference rates) with each release.
 */
import type { ExchangeRates } from "../../src/shared/pack.ts";

export const exchangeRates: ExchangeRates = {
  date: "2024-12-31",
  base: "USD",
  source:
    "Approximate market rates at the end of 2024, recalled by the pack authors; refresh from a central-bank reference",
  rates: {
    USD: 1,
    EUR: 0.96,
    GBP: 0.8,
    JPY: 157,
    CNY: 7.3,
    HKD: 7.77,
    TWD: 32.8,
    KRW: 1470,
    INR: 85.6,
    BRL: 6.18,
    MXN: 20.8,
    CAD: 1.44,
    AUD: 1.61,
    NZD: 1.78,
    CHF: 0.91,
    PLN: 4.1,
    CZK: 24.2,
    HUF: 396,
    RON: 4.77,
    SEK: 11,
    NOK: 11.4,
    DKK: 7.17,
    TRY: 35.4,
    RUB: 108,
    UAH: 42,
    KZT: 525,
    ILS: 3.65,
    AED: 3.6725,
    SAR: 3.75,
    QAR: 3.64,
    KWD: 0.308,
    EGP: 50.8,
    MAD: 10.1,
    NGN: 1540,
    KES: 129,
    ZAR: 18.8,
    COP: 4400,
    ARS: 1030,
    CLP: 995,
    PEN: 3.76,
    SGD: 1.36,
    THB: 34.1,
    IDR: 16100,
    PHP: 57.9,
    MYR: 4.47,
    VND: 25450,
    PKR: 278,
    BDT: 120,
  },
};
