/**
 * Brands, lines and floors added to the default pack by category (public/packs/default.json, built from
 * packs/default/), each tested both ways: a listing priced like a fake is flagged against the floor of its
 * kind of item, and a genuine-priced listing of the same brand and kind is not. Names that are ordinary words
 * are claimed only in product context.
 */
import { describe, expect, it } from "vitest";
import { compileDefaultPack, pricedListing } from "../../test-support/default-pack.ts";
import type { Listing } from "../shared/listing.ts";
import { score } from "./score.ts";

const m = compileDefaultPack();

const l = pricedListing;
const price = (x: Listing) => score(x, m).reasons.find((r) => r.signal === "price-below-reference");
const brandOf = (title: string) => score(l(title, "100", "USD"), m).brand?.id ?? null;

describe("Latin American brands, with floors in the local currency", () => {
  it("a Brazilian label's tee is compared with its BRL floor", () => {
    expect(price(l("Osklen camiseta masculina", "30", "BRL"))?.message).toMatch(/149 BRL for Osklen t-shirt/);
    expect(price(l("Osklen camiseta masculina", "199", "BRL"))).toBeUndefined();
  });

  it("a mass-market label has floors per kind of item, none brand-wide for the kinds it leaves out", () => {
    expect(price(l("Hering camiseta básica", "10", "BRL"))?.message).toMatch(/29 BRL for Hering t-shirt/);
    expect(price(l("Hering camiseta básica", "39", "BRL"))).toBeUndefined();
    expect(price(l("Hering boné", "5", "BRL"))).toBeUndefined();
  });

  it("a Colombian leather house's bag in COP and a Mexican sportswear brand's sneakers in MXN", () => {
    expect(price(l("Vélez bolso de cuero mujer", "60000", "COP"))?.message).toMatch(/250000 COP for Vélez bag/);
    expect(price(l("Vélez bolso de cuero mujer", "300000", "COP"))).toBeUndefined();
    expect(price(l("Charly tenis futbol", "150", "MXN"))?.message).toMatch(/499 MXN for Charly sneakers/);
    expect(price(l("Charly tenis futbol", "699", "MXN"))).toBeUndefined();
  });

  it("names that are ordinary words (a beach, a city, a first name) are claimed only before the item", () => {
    expect(price(l("Ipanema flip flops", "2", "USD"))?.message).toMatch(/Ipanema sandals/);
    expect(price(l("Ipanema flip flops", "12", "USD"))).toBeUndefined();
    expect(brandOf("Ipanema beach photo print poster")).toBeNull();
    expect(brandOf("Cartago ancient city history book")).toBeNull();
    expect(brandOf("Charly and the chocolate factory t-shirt")).toBeNull();
  });

  it("a Brazilian eyewear chain named by a dish is claimed with its sunglasses, not with the dish", () => {
    expect(price(l("Chilli Beans óculos de sol", "20", "BRL"))?.message).toMatch(/99 BRL for Chilli Beans sunglasses/);
    expect(price(l("Chilli Beans óculos de sol", "129", "BRL"))).toBeUndefined();
    expect(brandOf("chilli beans recipe can 400g")).toBeNull();
  });

  it("an Argentine polo label's polo and a Brazilian direct-sales perfume", () => {
    expect(price(l("La Martina polo shirt", "10", "USD"))?.message).toMatch(/45 USD for La Martina polo/);
    expect(price(l("La Martina polo shirt", "60", "USD"))).toBeUndefined();
    expect(price(l("Jequiti perfume", "10", "BRL"))?.message).toMatch(/29 BRL for Jequiti perfume/);
    expect(price(l("Jequiti perfume", "35", "BRL"))).toBeUndefined();
    expect(brandOf("Akihabara anime figure")).toBeNull();
  });

  it("Belcorp's catalogue perfume has its own floor", () => {
    expect(price(l("Ésika perfume mujer", "3", "USD"))?.message).toMatch(/Ésika perfume/);
    expect(price(l("Ésika perfume mujer", "14", "USD"))).toBeUndefined();
  });
});

describe("Indian brands, with floors in INR", () => {
  it("a leather label's wallet, a denim label's jeans and a handbag label named by a dish", () => {
    expect(price(l("Hidesign leather wallet men", "200", "INR"))?.message).toMatch(/999 INR for Hidesign wallet/);
    expect(price(l("Hidesign leather wallet men", "1299", "INR"))).toBeUndefined();
    expect(price(l("Spykar jeans men", "300", "INR"))?.message).toMatch(/1199 INR for Spykar jeans/);
    expect(price(l("Spykar jeans men", "1499", "INR"))).toBeUndefined();
    expect(price(l("Caprese handbag women", "150", "INR"))?.message).toMatch(/999 INR for Caprese bag/);
    expect(price(l("Caprese handbag women", "1299", "INR"))).toBeUndefined();
    expect(brandOf("Caprese salad bowl")).toBeNull();
  });
});

describe("designers, shoes and outerwear", () => {
  it("a Brazilian shoe house's sandals in USD", () => {
    expect(price(l("Schutz sandals heels women", "20", "USD"))?.message).toMatch(/60 USD for Schutz sandals/);
    expect(price(l("Schutz sandals heels women", "89", "USD"))).toBeUndefined();
  });

  it("a house's brand-wide price is its cheapest item, so a kind without a floor of its own is not over-estimated", () => {
    expect(price(l("Vera Wang t-shirt women", "20", "USD"))).toBeUndefined();
    expect(price(l("Lucchese leather belt", "150", "USD"))).toBeUndefined();
    expect(price(l("Charlotte Olympia sneakers", "250", "USD"))).toBeUndefined();
    expect(price(l("Charlotte Olympia sandals", "50", "USD"))?.message).toMatch(
      /200 USD for Charlotte Olympia sandals/,
    );
  });

  it("the longer name wins: Vince Camuto boots are not Vince's", () => {
    expect(brandOf("Vince Camuto boots")).toBe("vince-camuto");
    expect(price(l("Vince Camuto boots", "20", "USD"))?.message).toMatch(/Vince Camuto boots/);
    expect(price(l("Vince Camuto boots", "60", "USD"))).toBeUndefined();
  });

  it("a model with its own price: the Alpha Industries MA-1", () => {
    expect(price(l("Alpha Industries MA-1 bomber jacket", "25", "USD"))?.message).toMatch(/MA-1/);
    expect(price(l("Alpha Industries MA-1 bomber jacket", "120", "USD"))).toBeUndefined();
  });

  it("Japanese labels: a hoodie in JPY from a label named by a phrase, only with its product", () => {
    expect(price(l("Wind and Sea hoodie", "3000", "JPY"))?.message).toMatch(/15000 JPY for Wind and Sea hoodie/);
    expect(price(l("Wind and Sea hoodie", "18000", "JPY"))).toBeUndefined();
    expect(brandOf("wind and sea beach painting")).toBeNull();
    expect(price(l("Engineered Garments jacket", "40", "USD"))?.message).toMatch(/Engineered Garments jacket/);
    expect(price(l("Engineered Garments jacket", "300", "USD"))).toBeUndefined();
  });

  it("a Chinese bag label named in Chinese takes its CNY floor", () => {
    expect(price(l("山下有松 包包", "120", "CNY"))?.message).toMatch(/699 CNY for Songmont bag/);
    expect(price(l("山下有松 包包", "899", "CNY"))).toBeUndefined();
  });
});

describe("boots, Japanese denim and workwear, Asian mass fashion", () => {
  it("western and work boots take their boots floor", () => {
    expect(price(l("Ariat boots", "20", "USD"))?.message).toMatch(/80 USD for Ariat boots/);
    expect(price(l("Ariat boots", "100", "USD"))).toBeUndefined();
    expect(price(l("Lucchese boots", "60", "USD"))?.message).toMatch(/Lucchese boots/);
    expect(price(l("Lucchese boots", "400", "USD"))).toBeUndefined();
  });

  it("a Japanese reproduction label's jacket in JPY and a Chinese-market label's hoodie in CNY", () => {
    expect(price(l("Real McCoys jacket", "5000", "JPY"))?.message).toMatch(/50000 JPY for The Real McCoy's jacket/);
    expect(price(l("Real McCoys jacket", "60000", "JPY"))).toBeUndefined();
    expect(price(l("Teenie Weenie hoodie", "99", "CNY"))?.message).toMatch(/299 CNY for Teenie Weenie hoodie/);
    expect(price(l("Teenie Weenie hoodie", "399", "CNY"))).toBeUndefined();
  });

  it("a brand name one letter from a word is claimed only with its product (no typo claim on the word)", () => {
    expect(brandOf("Naturalize cat litter")).toBeNull();
    expect(brandOf("Naturalizer boots women")).toBe("naturalizer");
    expect(brandOf("Aristocracy book history")).toBeNull();
    expect(brandOf("Teclado mecanico 104 teclas")).toBeNull();
  });
});

describe("sports socks, running and tactical gear", () => {
  it("a sock brand named by an ordinary word takes its socks floor, only with its product", () => {
    expect(price(l("Stance crew socks", "2", "USD"))?.message).toMatch(/8 USD for Stance socks/);
    expect(price(l("Stance crew socks", "12", "USD"))).toBeUndefined();
    expect(brandOf("Stance of the body yoga mat")).toBeNull();
    expect(brandOf("Drop shot fishing rig")).toBeNull();
  });

  it("tactical gear counterfeiters copy: a model's own price", () => {
    expect(price(l("5.11 Tactical Rush 24 backpack", "25", "USD"))?.message).toMatch(/Rush 24/);
    expect(price(l("5.11 Tactical Rush 24 backpack", "95", "USD"))).toBeUndefined();
    expect(price(l("Crye G3 combat pants", "40", "USD"))?.message).toMatch(/G3 Combat Pant/);
    expect(price(l("Crye G3 combat pants", "280", "USD"))).toBeUndefined();
  });
});

describe("jewellery, watches and eyewear", () => {
  it("jewellery in USD and, for a Chinese house named in Chinese, in CNY", () => {
    expect(price(l("FOPE bracelet 18k gold", "80", "USD"))?.message).toMatch(/FOPE jewellery/);
    expect(price(l("FOPE bracelet 18k gold", "1200", "USD"))).toBeUndefined();
    expect(price(l("戴瑞 项链", "100", "CNY"))?.message).toMatch(/999 CNY for Darry Ring jewellery/);
    expect(price(l("戴瑞 项链", "1299", "CNY"))).toBeUndefined();
  });

  it("a Korean watch brand in KRW and a Swiss one in USD", () => {
    expect(price(l("로만손 watch", "20000", "KRW"))?.message).toMatch(/80000 KRW for Romanson watch/);
    expect(price(l("로만손 watch", "120000", "KRW"))).toBeUndefined();
    expect(price(l("Nivada Grenchen watch", "60", "USD"))?.message).toMatch(/Nivada Grenchen watch/);
    expect(price(l("Nivada Grenchen watch", "600", "USD"))).toBeUndefined();
  });

  it("an ordinary-word eyewear label is claimed with its sunglasses only", () => {
    expect(price(l("Krewe sunglasses", "25", "USD"))?.message).toMatch(/Krewe sunglasses/);
    expect(price(l("Krewe sunglasses", "160", "USD"))).toBeUndefined();
    expect(brandOf("Krewe de Vieux parade float")).toBeNull();
  });
});

describe("watch and frame brands: a floor for their own kind of item instead of a multiple of the brand's price", () => {
  it("a genuine watch at a normal or sale price is not flagged; a fake-priced one is", () => {
    expect(price(l("Bulova mens watch", "100", "USD"))).toBeUndefined();
    expect(price(l("Tissot watch men", "300", "USD"))).toBeUndefined();
    expect(price(l("Hamilton Khaki watch", "400", "USD"))).toBeUndefined();
    expect(price(l("Orient watch automatic", "150", "USD"))).toBeUndefined();
    expect(price(l("Bulova mens watch", "20", "USD"))?.message).toMatch(/80 USD for Bulova watch/);
    expect(price(l("Tissot watch men", "50", "USD"))?.message).toMatch(/180 USD for Tissot watch/);
  });

  it("sunglasses on sale stay above the floor; fake-priced ones do not", () => {
    expect(price(l("Maui Jim sunglasses polarized", "170", "USD"))).toBeUndefined();
    expect(price(l("Costa Del Mar sunglasses", "130", "USD"))).toBeUndefined();
    expect(price(l("Maui Jim sunglasses polarized", "30", "USD"))?.message).toMatch(/120 USD for Maui Jim sunglasses/);
  });
});

describe("electronics accessories, storage and phones", () => {
  it("a new audio brand's earbuds", () => {
    expect(price(l("Haylou wireless earbuds", "3", "USD"))?.message).toMatch(/Haylou earbuds/);
    expect(price(l("Haylou wireless earbuds", "15", "USD"))).toBeUndefined();
  });

  it("Chinese SSD makers named in Chinese take their CNY floor; a common-word one only with its product", () => {
    expect(price(l("Kingbank 1TB NVMe SSD", "50", "CNY"))?.message).toMatch(/139 CNY for Kingbank ssd/);
    expect(price(l("Kingbank 1TB NVMe SSD", "299", "CNY"))).toBeUndefined();
    expect(price(l("阿斯加特 固态硬盘 1TB", "50", "CNY"))?.message).toMatch(/139 CNY for Asgard ssd/);
    expect(brandOf("Asgard god of thunder poster")).toBeNull();
  });

  it("a speaker maker's speaker", () => {
    expect(price(l("Tronsmart bluetooth speaker", "3", "USD"))?.message).toMatch(/15 USD for Tronsmart speaker/);
    expect(price(l("Tronsmart bluetooth speaker", "25", "USD"))).toBeUndefined();
  });

  it("makers that had only a brand-wide price now have one per kind of item", () => {
    expect(price(l("Baseus power bank 20000mAh", "5", "USD"))?.message).toMatch(/12 USD for Baseus power bank/);
    expect(price(l("Baseus power bank 20000mAh", "18", "USD"))).toBeUndefined();
    expect(price(l("Lexar 128GB microSD memory card", "2", "USD"))?.message).toMatch(/Lexar memory card/);
    expect(price(l("Lexar 128GB microSD memory card", "12", "USD"))).toBeUndefined();
    expect(price(l("Crucial 1TB SSD", "10", "USD"))?.message).toMatch(/35 USD for Crucial ssd/);
    expect(price(l("Crucial 1TB SSD", "60", "USD"))).toBeUndefined();
  });

  it("an older Pixel and the A-Series buds are not held to the newest flagship's price", () => {
    expect(price(l("Google Pixel 8 smartphone 128GB", "380", "USD"))).toBeUndefined();
    expect(price(l("Pixel Buds A-Series earbuds", "60", "USD"))).toBeUndefined();
    expect(price(l("Google Pixel 9 Pro smartphone", "200", "USD"))?.message).toMatch(/Pixel 9 Pro/);
    expect(price(l("Pixel Buds A-Series earbuds", "15", "USD"))?.message).toMatch(/Pixel Buds/);
  });
});

describe("beauty and fragrance", () => {
  it("a prestige skincare brand's serum and a make-up brand's foundation", () => {
    expect(price(l("Obagi serum", "15", "USD"))?.message).toMatch(/Obagi serum/);
    expect(price(l("Obagi serum", "60", "USD"))).toBeUndefined();
    expect(price(l("Milk Makeup foundation", "8", "USD"))?.message).toMatch(/Milk Makeup foundation/);
    expect(price(l("Milk Makeup foundation", "36", "USD"))).toBeUndefined();
  });

  it("celebrity and Gulf perfumers' best sellers and a niche house's floor", () => {
    expect(price(l("Perry Ellis 360 cologne 100ml", "5", "USD"))?.message).toMatch(/Perry Ellis 360/);
    expect(price(l("Perry Ellis 360 cologne 100ml", "25", "USD"))).toBeUndefined();
    expect(price(l("Khamrah eau de parfum", "6", "USD"))?.message).toMatch(/Lattafa Khamrah/);
    expect(price(l("Khamrah eau de parfum", "25", "USD"))).toBeUndefined();
    expect(price(l("Bois 1920 perfume", "20", "USD"))?.message).toMatch(/100 USD for Bois 1920 perfume/);
    expect(price(l("Bois 1920 perfume", "150", "USD"))).toBeUndefined();
  });

  it("Japanese drugstore make-up named in French is claimed only before its product", () => {
    expect(brandOf("Lunette de visée 4x32")).toBeNull();
    expect(brandOf("ヴィセ アイシャドウ")).toBe("visee");
  });

  it("Korean and Indonesian skincare: a model's own price, a serum floor in IDR, a name one word from 'something'", () => {
    expect(price(l("Centellian24 Madeca Cream", "3", "USD"))?.message).toMatch(/Madeca Cream/);
    expect(price(l("Centellian24 Madeca Cream", "18", "USD"))).toBeUndefined();
    expect(price(l("Somethinc serum niacinamide", "10000", "IDR"))?.message).toMatch(/50000 IDR for Somethinc serum/);
    expect(price(l("Somethinc serum niacinamide", "89000", "IDR"))).toBeUndefined();
    expect(brandOf("Sorry, something went wrong")).toBeNull();
  });

  it("a fragrance model's own price", () => {
    expect(price(l("Rochas Femme eau de parfum 100ml", "12", "USD"))?.message).toMatch(/Rochas Femme/);
    expect(price(l("Rochas Femme eau de parfum 100ml", "60", "USD"))).toBeUndefined();
  });
});

describe("lines sold as brands claim their parent", () => {
  it("sneaker lines and models: Kobe, Way of Wade, Peak Taichi, Gel-Lyte III", () => {
    expect(price(l("Kobe 6 Protro basketball shoes", "60", "USD"))?.message).toMatch(/Nike Kobe/);
    expect(price(l("Kobe 6 Protro basketball shoes", "190", "USD"))).toBeUndefined();
    expect(brandOf("Way of Wade 11 basketball shoes")).toBe("li-ning");
    expect(brandOf("韦德之道10 篮球鞋")).toBe("li-ning");
    expect(brandOf("态极 跑鞋")).toBe("peak-sport");
    expect(price(l("Gel-Lyte III sneakers", "40", "USD"))?.message).toMatch(/Gel-Lyte III/);
    expect(price(l("Gel-Lyte III sneakers", "90", "USD"))).toBeUndefined();
  });

  it("Sportmax is Max Mara, measured against a jacket floor a sale coat stays above", () => {
    expect(price(l("Sportmax jacket", "100", "USD"))?.message).toMatch(/350 USD for Max Mara jacket/);
    expect(price(l("Sportmax jacket", "300", "USD"))).toBeUndefined();
  });

  it("a line named by an ordinary word (Icecream) only with its product", () => {
    expect(brandOf("Icecream hoodie")).toBe("billionaire-boys-club");
    expect(price(l("Icecream hoodie", "10", "USD"))?.message).toMatch(/Billionaire Boys Club hoodie/);
    expect(price(l("Icecream hoodie", "90", "USD"))).toBeUndefined();
    expect(brandOf("Ice cream maker")).toBeNull();
  });

  it("an Odyssey putter is compared with a price its discounted putters stay above", () => {
    expect(price(l("Odyssey putter", "50", "USD"))?.message).toMatch(/Odyssey/);
    expect(price(l("Odyssey putter", "129", "USD"))).toBeUndefined();
  });
});
