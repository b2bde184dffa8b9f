// Price strings below are written by hand: the conventions real shops use (CLDR locale patterns), one per case.
import { describe, expect, it } from "vitest";
import {
  compareAmounts,
  currencyHintForHost,
  currencyHintForUrl,
  normaliseAmount,
  parsePrice,
  parsePriceRange,
  parseStructuredPrice,
} from "./price.ts";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

describe("parsePrice", () => {
  it.each([
    ["1.299,00 €", "1299.00", "EUR"],
    ["¥12,800", "12800", "JPY"],
    ["US $5.99", "5.99", "USD"],
    ["₹1,29,999", "129999", "INR"],
    ["1 299,00 zł", "1299.00", "PLN"],
    [`1${NBSP}299,00${NBSP}zł`, "1299.00", "PLN"],
    [`1${NNBSP}299,00${NNBSP}zł`, "1299.00", "PLN"],
    ["1299,00 zł", "1299.00", "PLN"],
    ["R$ 1.299", "1299", "BRL"],
    ["R$ 1.299,90", "1299.90", "BRL"],
    ["CHF 1'299.–", "1299", "CHF"],
    ["CHF 1’299.50", "1299.50", "CHF"],
    ["1,299.00", "1299.00", null],
    ["12.800 ₫", "12800", "VND"],
    ["R 1 299,99", "1299.99", "ZAR"],
    ["kr 1.299,-", "1299", null],
    ["١٬٢٩٩٫٠٠", "1299.00", null],
    ["۱۲۹۹٫۵۰ ریال", "1299.50", null],
    ["£48.99", "48.99", "GBP"],
    ["EUR 119,01", "119.01", "EUR"],
    ["119,01 EUR", "119.01", "EUR"],
    ["$0.125", "0.125", "USD"],
    ["12,5 €", "12.5", "EUR"],
    ["1.299.000 ₫", "1299000", "VND"],
    ["￥１２，８００", "12800", "JPY"],
    ["3 499 Kč", "3499", "CZK"],
    ["12 990 Ft", "12990", "HUF"],
    ["249 ₽", "249", "RUB"],
    ["C$ 24.99", "24.99", "CAD"],
    ["AU$24.99", "24.99", "AUD"],
    ["2.500 KWD", "2.500", "KWD"],
    ["Rs. 1,499", "1499", "INR"],
    ["S/ 59.90", "59.90", "PEN"],
    ["199元", "199", "CNY"],
    ["1,980円", "1980", "JPY"],
    ["0099.50", "99.50", null],
  ])("%s → %s %s", (input, amount, currency) => {
    expect(parsePrice(input)).toEqual({ amount, currency });
  });

  it("skips percentages and takes the first price", () => {
    expect(parsePrice("-20% 39,99 €")).toEqual({ amount: "39.99", currency: "EUR" });
  });

  it.each(["", "   ", "Free", "Gratis", "kostenlos", "Price on request", "—"])("%j → null", (input) => {
    expect(parsePrice(input)).toBeNull();
  });

  it("null and undefined → null", () => {
    expect(parsePrice(null)).toBeNull();
    expect(parsePrice(undefined)).toBeNull();
  });

  it("resolves ambiguous symbols with the hint", () => {
    expect(parsePrice("$12.50", "CAD")).toEqual({ amount: "12.50", currency: "CAD" });
    expect(parsePrice("$12.50", "MXN")).toEqual({ amount: "12.50", currency: "MXN" });
    expect(parsePrice("$12.50", "EUR")).toEqual({ amount: "12.50", currency: "USD" });
    expect(parsePrice("¥199", "CNY")).toEqual({ amount: "199", currency: "CNY" });
    expect(parsePrice("¥199")).toEqual({ amount: "199", currency: "JPY" });
    expect(parsePrice("kr 1.299,-", "NOK")).toEqual({ amount: "1299", currency: "NOK" });
    expect(parsePrice("299 kr", "DKK")).toEqual({ amount: "299", currency: "DKK" });
    expect(parsePrice("299 kr", "SEK")?.currency).toBe("SEK");
  });

  it("an explicit code beats the hint; the hint fills in a bare number", () => {
    expect(parsePrice("USD 10", "EUR")?.currency).toBe("USD");
    expect(parsePrice("10,50", "EUR")).toEqual({ amount: "10.50", currency: "EUR" });
  });

  it("a range gives its lower bound", () => {
    expect(parsePrice("US $5.99 - 12.99")).toEqual({ amount: "5.99", currency: "USD" });
  });

  it("does not read letters inside words as currency", () => {
    expect(parsePrice("Rabatt 12,00")?.currency).toBeNull();
    expect(parsePrice("Preis 12,00 €")?.currency).toBe("EUR");
  });

  it("keeps numbers from JSON as their shortest decimal form", () => {
    expect(parsePrice(12.5)).toEqual({ amount: "12.5", currency: null });
    expect(parsePrice(1299, "EUR")).toEqual({ amount: "1299", currency: "EUR" });
    expect(parsePrice(Number.NaN)).toBeNull();
  });
});

describe("parsePriceRange", () => {
  it.each([
    ["US $5.99 - 12.99", "5.99", "12.99", "USD"],
    ["$5.99–$12.99", "5.99", "12.99", "USD"],
    ["5,99 € – 12,99 €", "5.99", "12.99", "EUR"],
    ["¥1,200 ~ ¥3,400", "1200", "3400", "JPY"],
    ["from 10 to 20 GBP", "10", "20", "GBP"],
  ])("%s", (input, min, max, currency) => {
    expect(parsePriceRange(input)).toEqual({ min: { amount: min, currency }, max: { amount: max, currency } });
  });

  it("a single price or a non-range is not a range", () => {
    expect(parsePriceRange("$5.99")).toBeNull();
    expect(parsePriceRange("2 for $10")).toBeNull();
    expect(parsePriceRange("")).toBeNull();
  });
});

describe("parseStructuredPrice", () => {
  it("takes schema.org decimals as they are", () => {
    expect(parseStructuredPrice("1299.00", "EUR")).toEqual({ amount: "1299.00", currency: "EUR" });
    expect(parseStructuredPrice(19.5, "usd")).toEqual({ amount: "19.5", currency: "USD" });
    expect(parseStructuredPrice("0.99", null)).toEqual({ amount: "0.99", currency: null });
  });
  it("falls back to the text parser for formatted values", () => {
    expect(parseStructuredPrice("1.299,00", "EUR")).toEqual({ amount: "1299.00", currency: "EUR" });
    expect(parseStructuredPrice("$1,299.00", null)).toEqual({ amount: "1299.00", currency: "USD" });
    expect(parseStructuredPrice("", "EUR")).toBeNull();
    expect(parseStructuredPrice(null, "EUR")).toBeNull();
  });
});

describe("normaliseAmount and compareAmounts", () => {
  it("normalises", () => {
    expect(normaliseAmount("1.2.3,4")).toBeNull();
    expect(normaliseAmount("12,-")).toBe("12");
  });
  it("compares without floats", () => {
    expect(compareAmounts("229.99", "229.990")).toBe(0);
    expect(compareAmounts("9.99", "10")).toBe(-1);
    expect(compareAmounts("100", "99.99")).toBe(1);
    expect(compareAmounts("0450", "450")).toBe(0);
  });
});

describe("currency hints", () => {
  it.each([
    ["www.amazon.co.jp", "JPY"],
    ["www.ebay.de", "EUR"],
    ["articulo.mercadolibre.com.co", "COP"],
    ["www.mercadolivre.com.br", "BRL"],
    ["www.amazon.co.uk", "GBP"],
    ["www.amazon.com", null],
    ["example.co", null],
    ["www.jumbo.ch", "CHF"],
    ["www.bestbuy.ca", "CAD"],
    ["www.amazon.com.mx", "MXN"],
  ])("%s → %s", (host, code) => {
    expect(currencyHintForHost(host)).toBe(code);
  });
  it("reads a country from the path of global domains", () => {
    expect(currencyHintForUrl(new URL("https://www.ikea.com/gb/en/p/x/"))).toBe("GBP");
    expect(currencyHintForUrl(new URL("https://shop.example.com/en-ca/p/1"))).toBe("CAD");
    expect(currencyHintForUrl(new URL("https://www.amazon.com/dp/B0"))).toBeNull();
  });
});
