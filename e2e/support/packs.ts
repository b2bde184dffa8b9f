/** Rule packs and pages for the browser tests, built in the test process with the same code the pack tool uses. */
import type { BrandRule, RulePack } from "../../src/shared/pack.ts";
import { generateKeyPair, signPackBytes, toPem } from "../../src/shared/pack-signature.ts";
import { testBrand, testPack } from "../../src/shared/test-packs.node.ts";

export function brand(id: string, name: string, aliases: string[] = []): BrandRule {
  const referencePrice = { amount: "400.00", currency: "USD", date: "2026-01", source: "e2e" };
  return testBrand(id, name, { aliases, tier: "luxury", referencePrice });
}

export function makePack(id: string, version: number, brands: BrandRule[], expires: string | null = null): RulePack {
  return testPack(id, { name: `Test pack ${id}`, version, publisher: "E2E Publisher", brands, expires });
}

/** `count` invented brands with distinct, word-like names (no real brand, no common word). */
export function generatedBrands(count: number): BrandRule[] {
  const syllables = [
    "ka",
    "zu",
    "mo",
    "ri",
    "te",
    "xo",
    "vi",
    "qua",
    "ple",
    "dro",
    "sny",
    "fex",
    "gol",
    "wum",
    "bri",
    "tesh",
  ];
  const out: BrandRule[] = [];
  for (let i = 0; i < count; i++) {
    let n = i + 4096;
    let name = "";
    while (n > 0) {
      name += syllables[n % syllables.length];
      n = Math.floor(n / syllables.length);
    }
    const proper = `${name[0]?.toUpperCase()}${name.slice(1)}x`;
    out.push({
      ...brand(`gen-${i}`, proper),
      models: [{ name: `${proper} Model ${i % 97}`, aliases: [], referencePrice: null }],
    });
  }
  return out;
}

export interface Publisher {
  publicPem: string;
  sign(bytes: Buffer): Promise<string>;
}

export async function newPublisher(): Promise<Publisher> {
  const pair = await generateKeyPair();
  const spki = new Uint8Array(await crypto.subtle.exportKey("spki", pair.publicKey));
  return {
    publicPem: toPem(spki, "PUBLIC KEY"),
    sign: (bytes) => signPackBytes(new Uint8Array(bytes), pair.privateKey),
  };
}

export function packBytes(pack: RulePack): Buffer {
  return Buffer.from(`${JSON.stringify(pack, null, 2)}\n`);
}

/** A marketplace listing page the content script reads through its JSON-LD Product. */
export function listingPage(title: string, price = "25.00"): string {
  const product = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: title,
    offers: { "@type": "Offer", price, priceCurrency: "USD" },
  };
  return `<!doctype html><html><head><title>${title} | eBay</title><script type="application/ld+json">${JSON.stringify(product)}</script></head><body><h1 class="x-item-title__mainTitle"><span>${title}</span></h1><div class="x-price-primary"><span>US $${price}</span></div></body></html>`;
}
