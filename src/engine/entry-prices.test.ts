/**
 * Genuine entry products at their usual street price, with the real default pack (public/packs/default.json,
 * built from packs/default/): a brand's floor for a kind of item is the lowest plausible genuine new price of that
 * kind (entry models, kids' sizes, sale, outlets and discounters included), so none of these gets a price reason.
 * A false alarm on a genuine discounted item is the product's worst failure. Each brand and kind is also checked
 * the other way: a price far below any genuine one is still flagged, so lowering a floor kept it useful.
 */
import { describe, expect, it } from "vitest";
import { compileDefaultPack, pricedListing } from "../../test-support/default-pack.ts";
import { score } from "./score.ts";

const m = compileDefaultPack();

const priceReason = (title: string, amount: string, currency: string) =>
  score(pricedListing(title, amount, currency), m).reasons.find((r) => r.signal === "price-below-reference");

/** [title, brand id, genuine street price, currency, a price no genuine item of that kind is sold at new]. */
type Case = [title: string, brand: string, genuine: string, currency: string, fake: string];

const AUDIO_AND_CHARGERS: Case[] = [
  ["Sony MDR-ZX110 wired on-ear headphones", "sony", "18", "USD", "4"],
  ["Sony MDR-EX15AP in-ear earbuds with mic", "sony", "9", "USD", "2"],
  ["Sony SRS-XB100 portable bluetooth speaker", "sony", "38", "USD", "6"],
  ["Apple EarPods wired earbuds with Lightning connector", "apple", "17", "USD", "3"],
  ["Apple wired earbuds with Lightning connector", "apple", "17", "USD", "3"],
  ["Apple wired headphones with USB-C connector", "apple", "17", "USD", "3"],
  ["Apple wired earphones", "apple", "1599", "INR", "199"],
  ["Apple 20W USB-C power adapter charger", "apple", "15", "USD", "3"],
  ["Samsung wired earphones type-C", "samsung", "10", "USD", "2"],
  ["Beats Flex wireless earbuds", "beats", "35", "USD", "6"],
  ["Anker 20W USB-C charger", "anker", "9", "USD", "2"],
  ["Anker power bank 5000mAh", "anker", "12", "USD", "2"],
  ["Sennheiser CX 80S in-ear earphones", "sennheiser", "22", "USD", "4"],
  ["Google wireless earbuds", "google", "35", "USD", "6"],
  ["Jabra Elite 3 wireless earbuds", "jabra", "30", "USD", "5"],
  ["Oppo wired earphones type-C", "oppo", "499", "INR", "90"],
  ["Samsung Galaxy A15 prepaid smartphone", "samsung", "59", "USD", "9"],
  ["Motorola moto g play smartphone", "motorola", "49", "USD", "6"],
  ["Sony MDR-ZX110 wired headphones", "sony", "899", "INR", "150"],
  ["Xiaomi wired earphones", "xiaomi", "449", "INR", "80"],
];

const APPAREL_AND_SHOES: Case[] = [
  ["Wrangler Authentics men's regular fit jeans", "wrangler", "20", "USD", "4"],
  ["Levi's 505 regular jeans kids", "levis", "22", "USD", "4"],
  ["Calvin Klein jeans slim fit men", "calvin-klein", "30", "USD", "5"],
  ["Uniqlo Supima cotton crew neck t-shirt", "uniqlo", "10", "USD", "2"],
  ["Uniqlo kids t-shirt", "uniqlo", "5.90", "USD", "1"],
  ["Uniqlo pocketable parka jacket", "uniqlo", "29.90", "USD", "4"],
  ["Zara kids basic t-shirt", "zara", "7.99", "USD", "1"],
  ["Ralph Lauren classic fit mesh polo", "ralph-lauren", "35", "USD", "5"],
  ["Ralph Lauren crew neck t-shirt", "ralph-lauren", "20", "USD", "3"],
  ["Ralph Lauren oxford shirt", "ralph-lauren", "39", "USD", "5"],
  ["Tommy Hilfiger logo t-shirt", "tommy-hilfiger", "15", "USD", "3"],
  ["Tommy Hilfiger polo shirt", "tommy-hilfiger", "25", "USD", "4"],
  ["Lacoste kids polo", "lacoste", "40", "USD", "6"],
  ["Nike Revolution 7 running shoes", "nike", "2499", "INR", "499"],
  ["Nike toddler sneakers", "nike", "32", "USD", "6"],
  ["Nike Heritage drawstring bag", "nike", "14", "USD", "3"],
  ["adidas gym sack bag", "adidas", "13", "USD", "2"],
  ["adidas adilette shower slides", "adidas", "15", "USD", "2"],
  ["Puma men t-shirt", "puma", "499", "INR", "99"],
  ["Reebok men shorts", "reebok", "599", "INR", "99"],
  ["Fila men hoodie", "fila", "1199", "INR", "199"],
  ["Wrangler men t-shirt", "wrangler", "449", "INR", "79"],
  ["Brooks Ghost kids running shoes", "brooks", "70", "USD", "10"],
  ["Real Madrid crest t-shirt", "real-madrid", "20", "USD", "4"],
  ["Manchester United t-shirt", "manchester-united", "15", "GBP", "3"],
  ["Billabong boardshorts", "billabong", "15", "USD", "3"],
  ["Quiksilver board shorts", "quiksilver", "15", "USD", "3"],
  ["Crocs classic clog sandals kids", "crocs", "25", "USD", "4"],
];

const EYEWEAR: Case[] = [
  ["Ray-Ban sunglasses", "ray-ban", "95", "USD", "15"],
  ["Oakley sunglasses youth", "oakley", "80", "USD", "12"],
  ["Maui Jim sunglasses polarized", "maui-jim", "129", "USD", "20"],
  ["Burberry sunglasses", "burberry", "110", "USD", "15"],
  ["Versace sunglasses", "versace", "99", "USD", "15"],
  ["Saint Laurent sunglasses", "saint-laurent", "135", "USD", "20"],
];

/**
 * A named model's reference is the usual new street price of the cheapest variant its name and aliases cover
 * (older generations, Lite/SE/FE/A-series, quartz; a child's size never takes a model's price, context.ts
 * childSize), a family name shared by cheap and dear models is not an alias of the dear one, and a brand-wide
 * reference is the brand's cheapest genuine new item.
 */
const MODEL_FAMILIES: Case[] = [
  ["Google Pixel Buds A-Series wireless earbuds", "google", "49", "USD", "9"],
  ["Anker PowerCore 5000 portable charger", "anker", "12", "USD", "3"],
  ["Xiaomi Redmi A3 smartphone", "xiaomi", "5999", "INR", "999"],
  ["Redmi A3 smartphone 64GB", "xiaomi", "5999", "INR", "999"],
  ["Apple iPhone 13 128GB", "apple", "399", "USD", "60"],
  ["Ray-Ban eyeglasses frames", "ray-ban", "70", "USD", "10"],
  ["Ray-Ban Wayfarer RB2140 sunglasses", "ray-ban", "85", "USD", "15"],
  ["Mario Kart 8 Deluxe - Nintendo Switch", "nintendo", "39", "USD", "5"],
  ["Samsung Galaxy Buds FE", "samsung", "59", "USD", "9"],
  ["Dyson V8 cordless vacuum", "dyson", "249", "USD", "50"],
  ["Intel Core i5-12400F processor", "intel", "99", "USD", "20"],
  ["Sony WH-1000XM4 wireless headphones", "sony", "198", "USD", "40"],
  ["Beats Studio Pro wireless headphones", "beats", "169", "USD", "30"],
  ["JBL PartyBox Encore Essential speaker", "jbl", "199", "USD", "40"],
  ["Razer DeathAdder Essential gaming mouse", "razer", "20", "USD", "4"],
  ["Razer BlackShark V2 X gaming headset", "razer", "39", "USD", "7"],
  ["Sennheiser Momentum True Wireless 3 earbuds", "sennheiser", "129", "USD", "25"],
  ["Huawei FreeBuds SE 2", "huawei", "199", "CNY", "25"],
  ["OnePlus 12R 128GB", "oneplus", "399", "USD", "60"],
  ["Xbox Series S console", "microsoft", "249", "USD", "50"],
  ["Lenovo ThinkPad E14 laptop", "lenovo", "549", "USD", "60"],
  ["Canon EOS R8 body", "canon", "1199", "USD", "200"],
  ["Fujifilm Instax Mini film twin pack", "fujifilm", "15", "USD", "3"],
  ["Casio G-Shock DW-5600 watch", "casio", "45", "USD", "8"],
  ["Seiko 5 SNK809 automatic watch", "seiko", "89", "USD", "20"],
  ["Garmin Forerunner 55 GPS running watch", "garmin", "149", "USD", "25"],
  ["TAG Heuer Aquaracer quartz watch", "tag-heuer", "1200", "USD", "150"],
  ["Nike Air Jordan 1 Low toddler shoes", "nike", "55", "USD", "12"],
  ["Persol eyeglasses frames", "persol", "129", "USD", "20"],
  ["Maui Jim eyeglasses frames", "maui-jim", "110", "USD", "15"],
  ["Costa Del Mar eyeglasses", "costa-del-mar", "100", "USD", "15"],
  ["Kingston A400 240GB SSD", "kingston", "20", "USD", "4"],
  ["WD SN770 500GB NVMe SSD", "western-digital", "40", "USD", "8"],
  ["Seagate Exos 7E8 4TB hard drive", "seagate", "99", "USD", "20"],
  ["Panasonic Eneloop AA 2 pack", "panasonic", "9", "USD", "1"],
];

/** Children's sizes: a luxury house's are about half its adult pieces, whose floors are adult sale prices. */
const CHILD_SIZES: Case[] = [
  ["Gucci Kids GG cotton T-shirt", "gucci", "250", "USD", "40"],
  ["Gucci children's leather sneakers", "gucci", "320", "USD", "50"],
  ["Balenciaga Kids hoodie", "balenciaga", "295", "USD", "50"],
  ["Burberry Kids check shirt", "burberry", "190", "USD", "30"],
  ["Fendi Kids FF logo sweatshirt", "fendi", "280", "USD", "40"],
  ["Moncler Enfant down jacket", "moncler", "650", "USD", "80"],
  ["Stone Island Junior crewneck sweatshirt", "stone-island", "150", "USD", "25"],
  ["Ralph Lauren toddler boy polo shirt", "ralph-lauren", "35", "USD", "5"],
];

describe("genuine entry products at their street price get no price reason", () => {
  for (const [group, cases] of [
    ["audio, chargers, phones and phone accessories", AUDIO_AND_CHARGERS],
    ["apparel, shoes and bags", APPAREL_AND_SHOES],
    ["eyewear", EYEWEAR],
    ["children's sizes", CHILD_SIZES],
    ["models covering cheaper variants, family names and brand-wide references", MODEL_FAMILIES],
  ] as const) {
    it(`${group}: genuine street prices pass, prices far below any genuine one are flagged`, () => {
      for (const [title, brand, genuine, currency, fake] of cases) {
        const at = `${title} at ${genuine} ${currency}`;
        expect(score(pricedListing(title, genuine, currency), m).brand?.id, at).toBe(brand);
        expect(priceReason(title, genuine, currency)?.message, at).toBeUndefined();
        expect(priceReason(title, fake, currency), `${title} at ${fake} ${currency}`).toBeDefined();
      }
    });
  }
});

describe("a child's size", () => {
  it("is said by a word outside the names the title gives: a brand named with one keeps the adult floor", () => {
    const reason = priceReason("Enfants Riches Déprimés logo t-shirt", "60", "USD");
    expect(reason?.params).toBeDefined();
    expect(reason?.params).not.toHaveProperty("child");
    expect(priceReason("Gucci Kids logo t-shirt", "60", "USD")?.params).toHaveProperty("child", 0.4);
  });

  it("takes a share only of kinds sold in children's sizes, at the brand's tier's share", () => {
    // A watch is not one: a child's watch of a watch house costs a watch.
    const watch = priceReason("Rolex kids watch", "900", "USD");
    expect(watch).toBeDefined();
    expect(watch?.params).not.toHaveProperty("child");
    expect(priceReason("Ralph Lauren toddler polo shirt", "5", "USD")?.params).toHaveProperty("child", 0.5);
    expect(priceReason("Nike toddler sneakers", "6", "USD")?.params).toHaveProperty("child", 0.6);
  });
});
