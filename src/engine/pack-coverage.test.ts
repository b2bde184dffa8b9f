/**
 * Brands, lines and floors added to the default pack by category (public/packs/default.json, built from
 * packs/default/), each tested both ways: a listing priced like a fake is flagged against the floor of its
 * kind of item, and a genuine-priced listing of the same brand and kind is not. Names that are ordinary words
 * are claimed only in product context.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileDefaultPack, defaultPack, pricedListing } from "../../test-support/default-pack.ts";
import type { Listing } from "../shared/listing.ts";
import { isIsoDate } from "../shared/pack-validate.ts";
import { PRODUCT_TYPE_IDS } from "../shared/product-types.ts";
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
    expect(price(l("Ariat boots", "20", "USD"))?.message).toMatch(/59 USD for Ariat boots/);
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
    expect(price(l("Maui Jim sunglasses polarized", "30", "USD"))?.message).toMatch(/99 USD for Maui Jim sunglasses/);
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
    expect(price(l("Gel-Lyte III sneakers", "30", "USD"))?.message).toMatch(/Gel-Lyte III/);
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

/** A fake-priced listing is flagged against `reference`; the same title at a genuine price is not. */
function bothWays(title: string, currency: string, fake: string, genuine: string, reference: RegExp): void {
  expect(price(l(title, fake, currency))?.message).toMatch(reference);
  expect(price(l(title, genuine, currency))).toBeUndefined();
}

describe("contemporary designer and streetwear labels (European, US, Japanese, Korean, Chinese)", () => {
  it("a European label's tee and a Korean label's hoodie in KRW, also named in Hangul", () => {
    bothWays("Sunnei t-shirt logo", "USD", "15", "90", /70 USD for Sunnei t-shirt/);
    bothWays("Thug Club hoodie", "KRW", "20000", "150000", /119000 KRW for Thug Club hoodie/);
    expect(brandOf("써그클럽 후드티")).toBe("thug-club");
  });

  it("a Chinese sun-protection brand named in Chinese takes its CNY cap floor", () => {
    bothWays("蕉下 防晒 帽子", "CNY", "10", "79", /49 CNY for Beneunder cap/);
  });

  it("labels named by ordinary words are claimed with their clothes, not in ordinary text", () => {
    bothWays("Folk shirt men", "GBP", "10", "80", /50 GBP for Folk shirt/);
    expect(brandOf("Folk music festival poster")).toBeNull();
    expect(brandOf("What it isnt obvious at first: a guide")).toBeNull();
    expect(brandOf("Romantic crown wedding tiara")).toBeNull();
  });
});

describe("niche and designer perfume houses", () => {
  it("a niche house's floor in USD and a Gulf house named in Arabic in AED", () => {
    bothWays("Hiram Green eau de parfum", "USD", "20", "150", /90 USD for Hiram Green perfume/);
    bothWays("هند العود عطر", "AED", "20", "150", /75 AED for Hind Al Oud perfume/);
  });

  it("a Chinese perfume house named in Chinese takes its CNY floor", () => {
    bothWays("气味图书馆 香水", "CNY", "10", "69", /39 CNY for Scent Library perfume/);
  });

  it("houses named by ordinary words are claimed only with their perfume", () => {
    expect(price(l("Gallivant eau de parfum", "5", "GBP"))?.message).toMatch(/40 GBP for Gallivant perfume/);
    expect(brandOf("Gallivant around Europe travel guide")).toBeNull();
    expect(brandOf("Commodity trading handbook")).toBeNull();
    expect(brandOf("Corpus Hermetica translated edition")).toBeNull();
  });
});

describe("audio, phone accessories and hair tools", () => {
  it("a headphone maker's headphones and an earphone maker named in Chinese in CNY", () => {
    bothWays("Sivga headphones wooden", "USD", "20", "150", /100 USD for Sivga headphones/);
    bothWays("达音科 耳机", "CNY", "30", "299", /199 CNY for Dunu earbuds/);
  });

  it("a phone case maker's case in EUR", () => {
    bothWays("Mujjo leather phone case", "EUR", "5", "45", /30 EUR for Mujjo phone case/);
  });

  it("a hair dryer's floor, and a hair-iron model's own price", () => {
    bothWays("Zuvi Halo hair dryer", "USD", "40", "260", /Zuvi/);
    bothWays("Tyme Iron Pro", "USD", "25", "130", /Tyme Iron Pro/);
  });

  it("makers named by ordinary words are claimed only with their product", () => {
    expect(price(l("Monster wireless earbuds", "3", "USD"))?.message).toMatch(/10 USD for Monster earbuds/);
    expect(brandOf("Monster truck birthday party decorations")).toBeNull();
    expect(brandOf("Creative writing notebook")).toBeNull();
  });
});

describe("toys, plush, model kits and collectibles", () => {
  it("a model-kit grade's own price, and the franchise named in Japanese", () => {
    bothWays("Gundam Master Grade model kit", "USD", "8", "45", /Gundam Master Grade/);
    expect(brandOf("ガンダム フィギュア")).toBe("gundam");
  });

  it("a character's plush in USD and JPY, also named in katakana", () => {
    bothWays("Mofusand plush cat", "USD", "2", "15", /5 USD for Mofusand plush/);
    expect(price(l("モフサンド ぬいぐるみ", "300", "JPY"))?.message).toMatch(/600 JPY for Mofusand plush/);
  });

  it("a brick maker named by a Spanish word is claimed with its building set only", () => {
    bothWays("CaDA building blocks car", "USD", "3", "40", /8 USD for Cada building set/);
    expect(brandOf("Cada día más cerca libro")).toBeNull();
  });

  it("an art-toy line of Pop Mart claims its own name with a figure floor", () => {
    bothWays("Crybaby blind box figure", "USD", "2", "15", /10 USD for Crybaby figure/);
    expect(brandOf("crybaby lyrics poster")).toBeNull();
  });
});

describe("licensed merchandise: football clubs, leagues and anime franchises", () => {
  it("a club's shirt in EUR and a Brazilian club's shirt in BRL, claimed with the shirt", () => {
    bothWays("Benfica camiseta oficial", "EUR", "6", "60", /18 EUR for SL Benfica t-shirt/);
    bothWays("Corinthians camiseta oficial", "BRL", "30", "249", /59 BRL for Corinthians t-shirt/);
  });

  it("clubs and teams named by places or ordinary words are not claimed in ordinary text", () => {
    expect(brandOf("Palmeiras imperiais de Petrópolis")).toBeNull();
    expect(brandOf("Everton road sign")).toBeNull();
    expect(brandOf("Edmonton oilers history book")).toBeNull();
    expect(brandOf("Boston Bruins hoodie")).toBe("nhl");
  });

  it("more teams of the NBA, NFL and MLB claim their league with their merchandise, not as place names", () => {
    expect(brandOf("Philadelphia Eagles hoodie")).toBe("nfl");
    expect(brandOf("Milwaukee Bucks t-shirt")).toBe("nba");
    bothWays("Toronto Blue Jays cap", "USD", "3", "25", /15 USD for MLB cap/);
    expect(brandOf("Miami Heat wave weather report")).toBeNull();
  });

  it("an anime franchise's figures, named in Japanese too; One Piece only with its merchandise", () => {
    bothWays("Jujutsu Kaisen anime figure Gojo", "USD", "2", "25", /5 USD for Jujutsu Kaisen figure/);
    expect(brandOf("鬼滅の刃 フィギュア")).toBe("demon-slayer");
    expect(brandOf("One Piece anime figure Luffy")).toBe("one-piece-anime");
    expect(brandOf("One piece swimsuit women")).toBeNull();
  });

  it("the franchise's Japanese title is not an alias: ワンピース is also a dress", () => {
    expect(brandOf("ワンピース tシャツ レディース 夏")).toBeNull();
  });
});

describe("outdoor, technical apparel and athleisure", () => {
  it("a mountain boot's floor in EUR and a Chinese athleisure label's trousers in CNY", () => {
    bothWays("Zamberlan hiking boots", "EUR", "30", "200", /120 EUR for Zamberlan boots/);
    bothWays("粒子狂热 瑜伽裤", "CNY", "50", "399", /199 CNY for Particle Fever trousers/);
  });

  it("hunting and island names are claimed only with the clothes or boots", () => {
    expect(price(l("Sitka Gear jacket", "30", "USD"))?.message).toMatch(/100 USD for Sitka jacket/);
    expect(brandOf("Sitka Alaska travel guide")).toBeNull();
    expect(price(l("Baffin snow boots", "20", "USD"))?.message).toMatch(/55 USD for Baffin boots/);
    expect(brandOf("Baffin Island expedition map")).toBeNull();
  });
});

describe("fashion and micro-brand watches", () => {
  it("a model's own price and a Japanese micro brand's JPY floor, also named in katakana", () => {
    bothWays("Shinola Runwell watch", "USD", "60", "600", /Shinola Runwell/);
    bothWays("クロノトウキョウ 腕時計", "JPY", "20000", "250000", /120000 JPY for Kurono Tokyo watch/);
  });

  it("watch brands named by ordinary words are claimed only with a watch", () => {
    expect(price(l("Spinnaker diver watch", "20", "USD"))?.message).toMatch(/90 USD for Spinnaker watch/);
    expect(brandOf("Spinnaker sail for 30ft yacht")).toBeNull();
    expect(brandOf("Marathon training plan book")).toBeNull();
  });
});

describe("eyewear", () => {
  it("a British frame maker in GBP and a Chinese chain named in Chinese in CNY", () => {
    bothWays("Cubitts sunglasses", "GBP", "20", "190", /140 GBP for Cubitts sunglasses/);
    expect(price(l("LOHO眼镜 墨镜", "30", "CNY"))?.message).toMatch(/99 CNY for LOHO sunglasses/);
  });

  it("a label named by a Spanish number is claimed only with its sunglasses", () => {
    expect(price(l("Nueve sunglasses", "20", "USD"))?.message).toMatch(/150 USD for Nueve sunglasses/);
    expect(brandOf("Nueve de Julio avenida mapa")).toBeNull();
  });
});

describe("cosmetics: Western, Korean, Japanese and Chinese", () => {
  it("an Italian make-up brand's lipstick in EUR and a Chinese one's in CNY, named in Chinese", () => {
    bothWays("Kiko Milano lipstick", "EUR", "1", "8", /3 EUR for Kiko Milano lipstick/);
    bothWays("卡婷 口红", "CNY", "10", "69", /49 CNY for Catkin lipstick/);
  });

  it("a Korean toner's own price; names that are phrases are claimed only with the product", () => {
    bothWays("I'm From Rice Toner 150ml", "USD", "3", "20", /Rice Toner/);
    expect(brandOf("I'm from Brazil and I love this phone")).toBeNull();
    expect(brandOf("Back to class sticker sheet: too cool for school")).toBeNull();
    expect(brandOf("Versed in the art of war book")).toBeNull();
  });

  it("Korean and Japanese names in their scripts", () => {
    expect(brandOf("컬러그램 틴트")).toBe("colorgram");
    expect(brandOf("インテグレート ファンデーション")).toBe("integrate-shiseido");
    expect(brandOf("integrate with Slack and Google Drive")).toBeNull();
  });
});

describe("per-type floors across the pack: well formed, and covering the premium and mass brands counterfeiters copy", () => {
  const pack = defaultPack();
  const rates = pack.exchangeRates?.rates ?? {};
  const floored = (b: (typeof pack.brands)[number]) => (b.priceFloors ?? []).length > 0;

  it("every floor names a known kind of item, a positive amount, a currency with a rate, a date and a recalled source", () => {
    const floors = pack.brands.flatMap((b) => (b.priceFloors ?? []).map((f) => ({ id: b.id, f })));
    expect(floors.length).toBeGreaterThan(6000);
    for (const { id, f } of floors) {
      const at = `${id} ${f.type}:${f.amount}:${f.currency}`;
      expect(PRODUCT_TYPE_IDS, at).toContain(f.type);
      expect(f.amount, at).toMatch(/^\d+(\.\d{1,2})?$/);
      expect(Number(f.amount), at).toBeGreaterThan(0);
      expect(rates[f.currency], at).toBeGreaterThan(0);
      expect(isIsoDate(f.date, true), at).toBe(true);
      expect(f.source, at).toMatch(/recalled; re-verify/);
    }
  });

  it("a brand gives one floor per kind of item and currency", () => {
    for (const b of pack.brands) {
      const keys = (b.priceFloors ?? []).map((f) => `${f.type}:${f.currency}`);
      expect(new Set(keys).size, b.id).toBe(keys.length);
    }
  });

  it("a floor in a local currency is within a plausible band of the same kind's US-dollar floor (a slipped digit fails)", () => {
    let compared = 0;
    for (const b of pack.brands) {
      const fs = b.priceFloors ?? [];
      for (const f of fs) {
        const usd = fs.find((g) => g.type === f.type && g.currency === "USD");
        if (f.currency === "USD" || !usd) continue;
        const ratio = Number(f.amount) / (rates[f.currency] as number) / Number(usd.amount);
        expect(ratio, `${b.id} ${f.type} ${f.amount} ${f.currency} vs ${usd.amount} USD`).toBeGreaterThan(0.15);
        expect(ratio, `${b.id} ${f.type} ${f.amount} ${f.currency} vs ${usd.amount} USD`).toBeLessThan(3);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it("most premium and mass brands of the categories counterfeiters target have floors per kind of item", () => {
    // Shares a little below those measured when these floors were written (before them: jewellery 0.54,
    // fragrance 0.73, cosmetics 0.30, skincare 0.19, phones 0.55).
    const least: Record<string, number> = {
      fashion: 0.85,
      "leather-goods": 0.95,
      streetwear: 0.95,
      sportswear: 0.95,
      jewellery: 0.95,
      fragrance: 0.95,
      cosmetics: 0.75,
      skincare: 0.7,
      audio: 0.85,
      phones: 0.9,
      chargers: 0.95,
      toys: 0.63,
    };
    for (const [category, share] of Object.entries(least)) {
      const brands = pack.brands.filter((b) => b.tier !== "luxury" && b.categories.includes(category));
      expect(brands.length, category).toBeGreaterThan(20);
      expect(brands.filter(floored).length / brands.length, category).toBeGreaterThanOrEqual(share);
    }
    expect(pack.brands.filter((b) => b.tier === "premium" && floored(b)).length).toBeGreaterThanOrEqual(1090);
    expect(pack.brands.filter((b) => b.tier === "mass" && floored(b)).length).toBeGreaterThanOrEqual(1435);
  });
});

describe("floors per kind of item for premium and mass brands that had only a brand-wide price", () => {
  it("Gulf perfumers in USD and INR, a celebrity house's 100 ml bottle, a body-care chain's mist", () => {
    bothWays("Lattafa eau de parfum 100ml", "USD", "5", "12", /8 USD for Lattafa perfume 100 ml/);
    bothWays("Lattafa perfume 100ml", "INR", "300", "600", /449 INR for Lattafa perfume 100 ml/);
    bothWays("Carolina Herrera perfume 100ml", "USD", "20", "60", /45 USD for Carolina Herrera perfume 100 ml/);
    expect(price(l("Bath & Body Works fine fragrance mist", "6", "USD"))).toBeUndefined();
  });

  it("jewellery: a crystal house in USD, an Indian jeweller in INR", () => {
    bothWays("Swarovski necklace", "USD", "8", "35", /25 USD for Swarovski jewellery/);
    bothWays("Tanishq gold earrings", "INR", "500", "3999", /2499 INR for Tanishq jewellery/);
  });

  it("fast fashion and streetwear in INR at Indian sale prices, a motocross label's hoodie in USD", () => {
    bothWays("H&M hoodie", "INR", "99", "399", /299 INR for H&M hoodie/);
    bothWays("Mango jeans", "INR", "300", "1190", /799 INR for Mango jeans/);
    bothWays("Fox Racing hoodie", "USD", "8", "45", /30 USD for Fox Racing hoodie/);
    bothWays("Juicy Couture tracksuit", "USD", "15", "45", /35 USD for Juicy Couture tracksuit/);
  });

  it("cosmetics and skincare: a drugstore lipstick in INR, a Korean lipstick in KRW, a prestige cream in CNY", () => {
    bothWays("Maybelline lipstick", "INR", "60", "199", /149 INR for Maybelline lipstick/);
    bothWays("Lakmé lipstick", "INR", "99", "199", /149 INR for Lakmé lipstick/);
    bothWays("Rom&nd lipstick", "KRW", "2000", "9000", /6000 KRW for Rom&nd lipstick/);
    bothWays("Kiehl's face cream", "CNY", "50", "199", /129 CNY for Kiehl's face cream/);
    bothWays("Sulwhasoo serum", "KRW", "10000", "45000", /25000 KRW for Sulwhasoo serum/);
    bothWays("Proya serum", "CNY", "40", "129", /79 CNY for Proya serum/);
  });

  it("devices: a budget phone in INR, a laptop in USD, a hair dryer in INR, a sports watch, a phone case", () => {
    bothWays("Poco smartphone", "INR", "1500", "5999", /3999 INR for Poco phone/);
    bothWays("MSI laptop", "USD", "150", "399", /329 USD for MSI laptop/);
    bothWays("Panasonic hair dryer", "INR", "300", "899", /699 INR for Panasonic hair dryer/);
    bothWays("Suunto smartwatch", "USD", "40", "169", /99 USD for Suunto smartwatch/);
    bothWays("Mous phone case", "USD", "5", "25", /18 USD for Mous phone case/);
    expect(price(l("Nokia 105 mobile phone", "999", "INR"))).toBeUndefined();
  });

  it("team merchandise, a Swiss watch maker, a model-kit maker in JPY", () => {
    bothWays("Red Bull Racing cap", "USD", "4", "20", /14 USD for Red Bull cap/);
    bothWays("Victorinox watch", "USD", "30", "199", /150 USD for Victorinox watch/);
    bothWays("Bandai building set", "JPY", "200", "990", /600 JPY for Bandai building set/);
  });
});

const pack = defaultPack();
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const ORDINARY = new Set<string>(
  JSON.parse(
    readFileSync(fileURLToPath(new URL("../../test-support/ordinary-english-words.json", import.meta.url)), "utf8"),
  ).words,
);
/** A name as a claim compares it: case, width, spaces and the punctuation between words do not matter. */
const folded = (name: string) =>
  name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\-.'’·・&]+/gu, "");
const shareWithCjk = (tier: string) => {
  const brands = pack.brands.filter((b) => b.tier === tier);
  return brands.filter((b) => b.aliases.some((a) => CJK.test(a))).length / brands.length;
};

describe("brand names in the scripts of their main markets", () => {
  it("most luxury and premium brands are named in Chinese, Japanese or Korean too", () => {
    expect(shareWithCjk("luxury")).toBeGreaterThanOrEqual(0.8);
    expect(shareWithCjk("premium")).toBeGreaterThanOrEqual(0.55);
  });

  it("traditional Chinese, Russian, Arabic, Korean and Thai names claim their brand", () => {
    expect(brandOf("凡賽斯 包包")).toBe("versace");
    expect(brandOf("Жаже Лекультр часы")).toBe("jaeger-lecoultre");
    expect(brandOf("Ксерджофф парфюм")).toBe("xerjoff");
    expect(brandOf("مونتال عطر")).toBe("montale");
    expect(brandOf("메종 프란시스 커정 향수")).toBe("maison-francis-kurkdjian");
    expect(brandOf("브룩스브라더스 셔츠")).toBe("brooks-brothers");
    expect(brandOf("盖乐世 手机")).toBe("samsung");
    expect(brandOf("กระเป๋า หลุยส์ วิตตอง")).toBe("louis-vuitton");
    expect(brandOf("รองเท้า นิวบาลานซ์ 550")).toBe("new-balance");
  });

  it("Hebrew names and replica words claim their brand; 'not' in Hebrew, Turkish or Indonesian negates the word", () => {
    // Hand-written titles.
    expect(brandOf("שעון רולקס")).toBe("rolex");
    expect(brandOf("תיק לואי ויטון")).toBe("louis-vuitton");
    expect(brandOf("חולצה ארמנית מסורתית")).toBeNull();
    const signals = (title: string, amount: string, currency: string) =>
      score(l(title, amount, currency), m).reasons.map((r) => r.signal);
    expect(signals("תיק גוצ׳י איכות מראה", "400", "ILS")).toContain("counterfeit-term");
    expect(signals("שעון רולקס סאבמרינר מקורי לא רפליקה", "35000", "ILS")).not.toContain("counterfeit-term");
    expect(signals("Rolex Submariner replika değil orijinal", "350000", "TRY")).not.toContain("counterfeit-term");
    expect(signals("Rolex Submariner replika", "350000", "TRY")).toContain("counterfeit-term");
    expect(signals("Dompet Gucci asli bukan KW super", "5000000", "IDR")).not.toContain("counterfeit-term");
  });

  it("Thai, written without spaces between words, is read inside a run of text; a one-syllable name is not", () => {
    // Hand-written titles: bag + Louis Vuitton, bag + Gucci + copy goods, watch + Rolex + mirror work, all solid.
    expect(brandOf("กระเป๋าหลุยส์วิตตอง")).toBe("louis-vuitton");
    expect(brandOf("กระเป๋ากุชชี่ของก๊อป")).toBe("gucci");
    const v = score(l("นาฬิกาโรเล็กซ์งานมิลเลอร์", "2000", "THB"), m);
    expect(v.brand?.id).toBe("rolex");
    expect(v.reasons.map((r) => r.signal)).toContain("counterfeit-term");
    // A souvenir of a temple (โบสถ์): Bose's one-syllable Thai name is not read inside the word.
    expect(brandOf("ของที่ระลึกจากโบสถ์วัดพระแก้ว")).toBeNull();
  });

  /** ザ・フー (The History of Whoo) written solid is The Who's name too. */
  const SOLID_EXCEPT = new Set(["the-history-of-whoo"]);
  it("a katakana or Hangul name written with spaces is also claimed written solid, as Japanese and Korean titles do", () => {
    expect(brandOf("ジョーマローン 香水")).toBe("jo-malone");
    const spaced = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー\s・·&＆]+$/u;
    const missing = pack.brands.flatMap((b) =>
      b.aliases
        .filter((a) => spaced.test(a) && /[\s・·]/u.test(a) && /[\p{Script=Katakana}\p{Script=Hangul}]/u.test(a))
        .map((a) => a.replace(/[\s・·]+/gu, ""))
        .filter((solid) => solid.length >= 3 && !b.aliases.includes(solid) && !SOLID_EXCEPT.has(b.id))
        .map((solid) => `${b.id}: ${solid}`),
    );
    expect(missing).toEqual([]);
  });

  it("discontinued iPhones are Apple's models at their refurbished prices; an iPhone SE is no disguised one", () => {
    // Hand-written titles.
    expect(brandOf("Apple iPhone 11 64GB")).toBe("apple");
    expect(price(l("Apple iPhone 11 64GB", "40", "USD"))?.message).toMatch(/iPhone 11/);
    expect(price(l("Apple iPhone 11 64GB", "130", "USD"))).toBeUndefined();
    expect(price(l("iPhone 11 case", "3", "USD"))).toBeUndefined();
    const se = score(l("Apple iPhone SE (White, 64 GB)", "30000", "INR"), m);
    expect(se.reasons.map((r) => r.signal)).not.toContain("brand-disguised");
  });

  it("lines sold under their own name claim the parent: Xbox, PlayStation, Mijia, Terrex, ThinkPad, Duplo", () => {
    expect(brandOf("Xbox Series S console")).toBe("microsoft");
    expect(brandOf("PlayStation Portal")).toBe("sony");
    expect(brandOf("米家 扫地机器人")).toBe("xiaomi");
    expect(brandOf("Terrex hiking shoes")).toBe("adidas");
    expect(brandOf("ThinkPad laptop")).toBe("lenovo");
    expect(brandOf("Duplo bricks set")).toBe("lego");
  });

  it("new models with their list price: consoles and a headphone", () => {
    bothWays("Nintendo Switch 2 console", "USD", "100", "449", /Nintendo Switch 2/);
    bothWays("Sony WH-1000XM6 headphones", "USD", "80", "399", /WH-1000XM6/);
    bothWays("Steam Deck OLED 512GB", "USD", "200", "549", /Steam Deck OLED/);
  });

  it("ordinary words stay ordinary: millet porridge, a galaxy print, pixel art, an AirPods case", () => {
    expect(brandOf("小米粥 500g")).toBeNull();
    expect(brandOf("galaxy print leggings")).toBeNull();
    expect(brandOf("pixel art t-shirt")).toBeNull();
    expect(brandOf("AirPods case silicone cover")).toBeNull();
  });

  it("models named by their Chinese nicknames claim the house: 戴妃包 is the Lady Dior, 拿破仑之水 the Aventus", () => {
    expect(price(l("戴妃包 包包", "300", "CNY"))?.message).toMatch(/Lady Dior/);
    expect(price(l("拿破仑之水 香水 100ml", "100", "CNY"))?.message).toMatch(/Creed Aventus/);
  });

  it("no name, alias or line name claims two brands", () => {
    const owners = new Map<string, Set<string>>();
    for (const b of pack.brands) {
      for (const t of [b.name, ...b.aliases, ...(b.lines ?? []).flatMap((l) => [l.name, ...l.aliases])]) {
        const k = folded(t);
        owners.set(k, (owners.get(k) ?? new Set()).add(b.id));
      }
    }
    expect([...owners].filter(([, ids]) => ids.size > 1).map(([k, ids]) => `${k}: ${[...ids].join(", ")}`)).toEqual([]);
  });

  it("a name that is an ordinary English word is marked as one (brand, line), and no model is one", () => {
    expect(ORDINARY.has("tiger") && ORDINARY.has("fossil")).toBe(true);
    const bare: string[] = [];
    for (const b of pack.brands) {
      for (const t of b.commonWord ? [] : [b.name, ...b.aliases])
        if (ORDINARY.has(t.toLowerCase())) bare.push(`${b.id}: ${t}`);
      for (const l of b.lines ?? []) {
        for (const t of l.commonWord ? [] : [l.name, ...l.aliases])
          if (ORDINARY.has(t.toLowerCase())) bare.push(`${b.id} line: ${t}`);
      }
      for (const m of b.models)
        for (const t of [m.name, ...m.aliases]) if (ORDINARY.has(t.toLowerCase())) bare.push(`${b.id} model: ${t}`);
    }
    expect(bare).toEqual([]);
  });
});

describe("floors for the kinds of item the big brands' floor sets left out (a mass brand gets no estimate without one)", () => {
  it("sportswear track pants in INR and fast-fashion hoodies in JPY, both ways", () => {
    expect(price(l("Nike track pants men", "500", "INR"))?.message).toMatch(/1199 INR for Nike trousers/);
    expect(price(l("Nike track pants men", "1899", "INR"))).toBeUndefined();
    expect(price(l("Uniqlo hoodie", "500", "JPY"))?.message).toMatch(/1290 JPY for Uniqlo hoodie/);
    expect(price(l("Uniqlo hoodie", "1990", "JPY"))).toBeUndefined();
  });

  it("a fashion brand's wallet and belt, a club's scarf", () => {
    expect(price(l("Tommy Hilfiger leather wallet men", "3", "USD"))?.message).toMatch(/Tommy Hilfiger wallet/);
    expect(price(l("Tommy Hilfiger leather wallet men", "19", "USD"))).toBeUndefined();
    expect(price(l("Levi's leather belt", "150", "INR"))?.message).toMatch(/499 INR for Levi's belt/);
    expect(price(l("Levi's leather belt", "699", "INR"))).toBeUndefined();
    expect(price(l("Real Madrid scarf", "2", "USD"))?.message).toMatch(/Real Madrid scarf/);
    expect(price(l("Real Madrid scarf", "12", "USD"))).toBeUndefined();
  });

  it("a phone maker's charger and a speaker", () => {
    expect(price(l("Samsung 25W charger", "2", "USD"))?.message).toMatch(/Samsung charger/);
    expect(price(l("Samsung 25W charger", "12", "USD"))).toBeUndefined();
    expect(price(l("Google smart speaker", "4", "USD"))?.message).toMatch(/Google speaker/);
    expect(price(l("Google smart speaker", "19", "USD"))).toBeUndefined();
  });
});
