import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { compile, serialize } from "../src/engine/compiler.ts";
import { type CompiledMatcher, deserialize, score } from "../src/engine/index.ts";
import { emptyListing } from "../src/shared/listing.ts";
import { validatePack } from "../src/shared/pack-validate.ts";
import { scratchDirs } from "../test-support/scratch.ts";
import { type PackMeta, writtenForm } from "./pack/build.ts";
import { build, defaultKeyDir, type Io, keygen, lint, sign, verify } from "./pack/commands.ts";
import { CsvError, csvRecords, parseCsv } from "./pack/csv.ts";
import { main } from "./pack.ts";

const META: PackMeta = {
  id: "acme.brand",
  name: "Acme brand pack",
  version: 4,
  publisher: "Acme Inc",
  issued: "2026-03-01",
  expires: null,
  description: null,
};

const CSV = [
  "Brand,Aliases,Models,Reference price,Price source,Authorized sellers,Official stores,Domains,Common word,Tier,Categories",
  'Acme Shoes,"ACME|アクメ|Акме","Road Runner 1:180:USD|Model: X:99.50:eur|Dunk Low",90:USD,https://acme.example/prices,amazon:Acme Store|*:Acme,tmall:acme旗舰店,acme.example,no,premium,Sneakers|Sportswear',
  'Coach Test,,,"120 USD",,,,coach-test.example,yes,luxury,"Leather goods"',
].join("\r\n");

const tempDir = scratchDirs("pack-tool-");
let dir: string;
let lines: { out: string[]; err: string[] };
let io: Io;

beforeEach(() => {
  dir = tempDir();
  lines = { out: [], err: [] };
  io = { out: (l) => lines.out.push(l), err: (l) => lines.err.push(l) };
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("pack build", () => {
  it("builds a pack from a spreadsheet that the extension's validation accepts unchanged", () => {
    const out = join(dir, "pack.json");
    expect(build(file("brands.csv", CSV), out, META, io)).toBe(0);
    const text = readFileSync(out, "utf8");
    const { pack, warnings } = validatePack(JSON.parse(text), { now: "2026-06-01T00:00:00Z" });
    expect(warnings).toEqual([]);
    // Written once: the models' prices were observed where the reference was, and are read back with its date and source.
    expect(`${JSON.stringify(writtenForm(pack), null, 2)}\n`).toBe(text);
    expect(text.split("https://acme.example/prices").length - 1).toBe(1);
    expect(pack.brands[0]?.models[0]?.referencePrice).toEqual({
      amount: "180",
      currency: "USD",
      date: "2026-03-01",
      source: "https://acme.example/prices",
    });
    const acme = pack.brands[0];
    expect(acme?.id).toBe("acme-shoes");
    expect(acme?.aliases).toEqual(["ACME", "アクメ", "Акме"]);
    expect(
      acme?.models.map((m) => [m.name, m.referencePrice?.amount ?? null, m.referencePrice?.currency ?? null]),
    ).toEqual([
      ["Road Runner 1", "180", "USD"],
      ["Model: X", "99.50", "EUR"],
      ["Dunk Low", null, null],
    ]);
    expect(acme?.referencePrice).toEqual({
      amount: "90",
      currency: "USD",
      date: "2026-03-01",
      source: "https://acme.example/prices",
    });
    expect(acme?.authorisedSellers).toEqual([
      { marketplace: "amazon", name: "Acme Store", id: null },
      { marketplace: "*", name: "Acme", id: null },
    ]);
    expect(acme?.officialStores).toEqual([{ marketplace: "tmall", name: "acme旗舰店", id: null }]);
    expect(acme?.categories).toEqual(["sneakers", "sportswear"]);
    expect(pack.brands[1]).toMatchObject({
      id: "coach-test",
      commonWord: true,
      tier: "luxury",
      categories: ["leather-goods"],
    });
  });

  it("builds from JSON rows with the same column names", () => {
    const rows = [{ brand: "Zeta", aliases: ["Zéta"], models: ["Z1:10:USD"], "common word": false, tier: "mass" }];
    const out = join(dir, "z.json");
    expect(build(file("brands.json", JSON.stringify(rows)), out, META, io)).toBe(0);
    const pack = JSON.parse(readFileSync(out, "utf8"));
    expect(pack.brands[0].models[0].referencePrice.amount).toBe("10");
  });

  it("reads the owner column: a brand owned or licensed by another brand of the pack", () => {
    const sheet = "brand,id,owner\nNintendo,nintendo,\nPokémon,pokemon,nintendo\n";
    const out = join(dir, "owner.json");
    expect(build(file("owner.csv", sheet), out, META, io)).toBe(0);
    const pack = JSON.parse(readFileSync(out, "utf8"));
    expect(pack.brands.map((b: { id: string; owner?: string }) => [b.id, b.owner ?? null])).toEqual([
      ["nintendo", null],
      ["pokemon", "nintendo"],
    ]);
    expect(build(file("bad-owner.csv", "brand,owner\nZeta,Not An Id\n"), join(dir, "x.json"), META, io)).toBe(1);
  });

  it("stops on a broken row and names the spreadsheet row", () => {
    const bad = `brand,models,authorised sellers\nGood,,\nBad,,nomarketplace\n`;
    expect(build(file("bad.csv", bad), join(dir, "x.json"), META, io)).toBe(1);
    expect(lines.err.join("\n")).toMatch(/row 3, column "authorised sellers"/);
  });

  it("stops on an entry validatePack would skip, naming the row", () => {
    const bad = `brand,tier\nGood,mass\nBad,royal\n`;
    expect(build(file("bad.csv", bad), join(dir, "x.json"), META, io)).toBe(1);
    expect(lines.err.join("\n")).toMatch(/brands\[1\]\.tier.*spreadsheet bad\.csv row 3/);
  });

  it("reads the names that are not the brand; a sheet without the column has none", () => {
    const csv = ["brand,aliases,not the brand", 'Acme,Acmé,"Steve Acme|Acme Street Market"', "Other,,"].join("\n");
    const out = join(dir, "n.json");
    expect(build(file("n.csv", csv), out, META, io)).toBe(0);
    const [acme, other] = validatePack(JSON.parse(readFileSync(out, "utf8"))).pack.brands;
    expect(acme?.notBrand).toEqual(["Steve Acme", "Acme Street Market"]);
    expect(other && "notBrand" in other).toBe(false);
  });

  it("reads model aliases, product lines and price floors per product type and currency", () => {
    const csv = [
      "brand,tier,models,lines,common word lines,price floors,price date,price source",
      'Acme,mass,"Runner 1 = R1; Runner One:120:USD","Acme Kids = AK|Essentials","essentials","sneakers:60:USD|sneakers:3999:INR|perfume 100 ml:90:EUR",2026-02,"acme.example, recalled, re-verify"',
    ].join("\n");
    const out = join(dir, "p.json");
    expect(build(file("b.csv", csv), out, META, io)).toBe(0);
    const b = validatePack(JSON.parse(readFileSync(out, "utf8"))).pack.brands[0];
    expect(b?.models[0]).toMatchObject({ name: "Runner 1", aliases: ["R1", "Runner One"] });
    expect(b?.lines).toEqual([
      { name: "Acme Kids", aliases: ["AK"], commonWord: false },
      { name: "Essentials", aliases: [], commonWord: true },
    ]);
    expect(b?.priceFloors).toEqual([
      { type: "sneakers", amount: "60", currency: "USD", date: "2026-02", source: "acme.example, recalled, re-verify" },
      {
        type: "sneakers",
        amount: "3999",
        currency: "INR",
        date: "2026-02",
        source: "acme.example, recalled, re-verify",
      },
      {
        type: "perfume 100 ml",
        amount: "90",
        currency: "EUR",
        date: "2026-02",
        source: "acme.example, recalled, re-verify",
      },
    ]);
  });

  it("refuses a price floor for a product type the engine does not know, naming the sheet and row", () => {
    const csv = "brand,price floors\nGood,\nBad,spaceship:10:USD\n";
    expect(build(file("floors.csv", csv), join(dir, "x.json"), META, io)).toBe(1);
    expect(lines.err.join("\n")).toMatch(/unknown product type "spaceship".*floors\.csv row 3/);
  });

  it("builds one pack from a folder: pack.json metadata, several sheets in name order and the data files", () => {
    const folder = join(dir, "pack");
    mkdirSync(folder);
    writeFileSync(
      join(folder, "pack.json"),
      JSON.stringify({
        id: "acme.all",
        name: "All",
        publisher: "Acme",
        version: 2,
        issued: "2026-03-01",
        expires: null,
      }),
    );
    writeFileSync(join(folder, "b-watches.csv"), "brand,tier\nAcme Time,luxury\n");
    writeFileSync(join(folder, "a-shoes.csv"), "brand\nAcme Shoes\n");
    writeFileSync(
      join(folder, "vocabulary.csv"),
      "term,lang,kind,weight,source\nsuper copy,en,replica,4,trade wording\n",
    );
    writeFileSync(join(folder, "accessory-phrases.csv"), "phrase,lang,position\ncase for,en,before\n");
    writeFileSync(
      join(folder, "exchange-rates.json"),
      JSON.stringify({ date: "2026-01-02", base: "USD", rates: { USD: 1, EUR: 0.9 }, source: "test" }),
    );
    writeFileSync(join(folder, "notes.txt"), "not a sheet");
    const out = join(dir, "all.json");
    expect(build(folder, out, { version: 3 }, io)).toBe(0);
    const { pack, warnings } = validatePack(JSON.parse(readFileSync(out, "utf8")));
    expect(warnings).toEqual([]);
    expect([pack.id, pack.version]).toEqual(["acme.all", 3]);
    expect(pack.brands.map((b) => b.name)).toEqual(["Acme Shoes", "Acme Time"]);
    expect(pack.vocabulary).toEqual([
      { term: "super copy", lang: "en", kind: "replica", weight: 4, source: "trade wording" },
    ]);
    expect(pack.accessoryPhrases).toEqual([{ phrase: "case for", lang: "en", position: "before" }]);
    expect(pack.exchangeRates?.rates.EUR).toBe(0.9);
    // Two sheets on the command line make one pack; a broken row names its sheet.
    writeFileSync(join(dir, "c.csv"), "brand,tier\nBroken,royal\n");
    expect(build([join(folder, "a-shoes.csv"), join(dir, "c.csv")], out, META, io)).toBe(1);
    expect(lines.err.join("\n")).toMatch(/spreadsheet c\.csv row 2/);
  });
});

describe("pack build: words that are no misspellings of the pack's names", () => {
  // A hand-written brand, "Lanterna": the dictionary word "lantern" is one letter short of it.
  const SHEET = ["Brand,Tier,Categories,Reference price", "Lanterna,premium,Home,40:USD"].join("\n");
  const title = (t: string) => ({
    ...emptyListing("https://shop.example/p/1", "generic"),
    title: t,
    price: { amount: "12", currency: "USD" },
  });
  const disguised = (m: CompiledMatcher, t: string) =>
    score(title(t), m).reasons.some((r) => r.code === "brand-disguised");

  it("lists the dictionary words the pack's names would misread, and the compiled pack reads them as words", () => {
    const out = join(dir, "lanterna.json");
    expect(build(file("lanterna.csv", SHEET), out, { ...META, id: "lanterna.test" }, io)).toBe(0);
    const { pack, warnings } = validatePack(JSON.parse(readFileSync(out, "utf8")));
    expect(warnings).toEqual([]);
    expect(pack.typoStopwords).toContain("lantern");
    expect(lines.out.join("\n")).toMatch(/\d+ typo stopwords/);
    // Without the list the word reads as a disguised "Lanterna"; with it, through the compiled form as the
    // extension stores it, the word is a word. A misspelling that is no word still reads as one.
    const bare = compile([{ ...pack, typoStopwords: [] }]);
    expect(disguised(bare, "Camping lantern 500 lumens")).toBe(true);
    const kept = deserialize(serialize(compile([pack])));
    expect(disguised(kept, "Camping lantern 500 lumens")).toBe(false);
    expect(disguised(kept, "Lanterrna camping light")).toBe(true);
  });

  it("checks the list like any entry: letters only, kept in lower case; a bad word is skipped with a warning", () => {
    const out = join(dir, "l.json");
    expect(build(file("l.csv", SHEET), out, META, io)).toBe(0);
    const raw = JSON.parse(readFileSync(out, "utf8")) as Record<string, unknown>;
    const { pack, warnings } = validatePack({ ...raw, typoStopwords: ["Lantern", "a1b", 7] });
    expect(pack.typoStopwords).toEqual(["lantern"]);
    expect(warnings.join("\n")).toMatch(/typoStopwords\[1\]/);
    expect(warnings.join("\n")).toMatch(/typoStopwords\[2\]/);
  });
});

describe("pack keygen, sign, verify", () => {
  it("signs a built pack and verifies it; a changed byte fails", async () => {
    expect(await keygen(join(dir, "keys"), io)).toBe(0);
    expect(lines.out.join("\n")).toMatch(/fingerprint: ([0-9A-F]{4} ){15}[0-9A-F]{4}/);
    const pack = join(dir, "pack.json");
    expect(build(file("brands.csv", CSV), pack, META, io)).toBe(0);
    expect(await sign(pack, join(dir, "keys/private-key.pem"), io)).toBe(0);
    expect(await verify(pack, join(dir, "keys/public-key.pem"), null, io)).toBe(0);
    writeFileSync(pack, readFileSync(pack, "utf8").replace('"version": 4', '"version": 5'));
    expect(await verify(pack, join(dir, "keys/public-key.pem"), null, io)).toBe(1);
    expect(lines.err.join("\n")).toMatch(/BAD signature/);
  });

  it("signs with the JWK private key too, and refuses another publisher's key", async () => {
    await keygen(join(dir, "a"), io);
    await keygen(join(dir, "b"), io);
    const pack = file("p.json", '{"x":1}');
    expect(await sign(pack, join(dir, "a/private-key.jwk.json"), io)).toBe(0);
    expect(await verify(pack, join(dir, "a/public-key.pem"), null, io)).toBe(0);
    expect(await verify(pack, join(dir, "b/public-key.pem"), null, io)).toBe(1);
  });

  it("refuses to overwrite a private key", async () => {
    expect(await keygen(dir, io)).toBe(0);
    expect(await keygen(dir, io)).toBe(1);
  });
});

describe("pack lint", () => {
  it("passes a good pack and fails a broken one with the path", () => {
    const good = join(dir, "good.json");
    build(file("brands.csv", CSV), good, META, io);
    expect(lint(good, io)).toBe(0);
    const broken = JSON.parse(readFileSync(good, "utf8"));
    broken.version = "four";
    expect(lint(file("broken.json", JSON.stringify(broken)), io)).toBe(1);
    expect(lines.err.at(-1)).toMatch(/^error: version: expected a non-negative integer/);
    expect(lint(file("notjson.json", "{"), io)).toBe(1);
  });

  it("prints warnings for skipped entries with their path but passes", () => {
    const good = join(dir, "good.json");
    build(file("brands.csv", CSV), good, META, io);
    const pack = JSON.parse(readFileSync(good, "utf8"));
    pack.brands[1].domains = ["https://nope/"];
    lines.err.length = 0;
    expect(lint(file("warn.json", JSON.stringify(pack)), io)).toBe(0);
    expect(lines.err).toEqual([expect.stringMatching(/^warning: brands\[1\]\.domains\[0\].*entry skipped/)]);
  });
});

describe("csv", () => {
  it("reads quotes, doubled quotes, newlines in quotes and a BOM", () => {
    expect(parseCsv('\ufeffa,b\n"x, ""y""","line1\nline2"\n')).toEqual([
      ["a", "b"],
      ['x, "y"', "line1\nline2"],
    ]);
  });

  it("reads CRLF, CR and line ends mixed in one file alike (breaks inside quotes read as LF)", () => {
    const rows = [
      ["a", "b"],
      ["1", "two\nlines"],
      ["3", "4"],
      ["5", "6"],
    ];
    expect(parseCsv('a,b\r\n1,"two\r\nlines"\r\n3,4\r\n5,6\r\n')).toEqual(rows);
    expect(parseCsv('a,b\r1,"two\rlines"\r3,4\r5,6')).toEqual(rows);
    expect(parseCsv('a,b\r\n1,"two\nlines"\n3,4\r5,6\n')).toEqual(rows);
  });

  it("splits on commas only, never on a guessed delimiter", () => {
    expect(parseCsv("a;b\n1;2\n")).toEqual([["a;b"], ["1;2"]]);
    expect(parseCsv("brand\nAcme\n")).toEqual([["brand"], ["Acme"]]);
  });

  it("skips blank rows and numbers rows as a spreadsheet does (a quoted line break stays in its row)", () => {
    const text = 'brand,notes\n\n"Acme","a\nb"\n , \nZeta,\n';
    expect(csvRecords(text)).toEqual([
      { row: 3, values: { brand: "Acme", notes: "a\nb" } },
      { row: 5, values: { brand: "Zeta", notes: "" } },
    ]);
  });

  it("names the file and row of an unclosed quote or text after a closing quote", () => {
    expect(() => parseCsv('a,b\n\n1,2\n"3,4\n5,6\n', "brands.csv")).toThrow(
      new CsvError("brands.csv row 4: a quoted field is not closed"),
    );
    expect(() => parseCsv('a,b\n"x"y,2\n', "brands.csv")).toThrow(/^brands\.csv row 2: text after the closing quote/);
  });

  it("stops pack build on a malformed sheet with the file and row, writing nothing", () => {
    const out = join(dir, "x.json");
    const bad = 'brand,aliases\nGood,"G\nZeta,Z\n';
    expect(build(file("broken.csv", bad), out, META, io)).toBe(1);
    expect(lines.err).toEqual(["error: broken.csv row 2: a quoted field is not closed"]);
    expect(() => statSync(out)).toThrow();
    mkdirSync(join(dir, "folder"));
    writeFileSync(join(dir, "folder/pack.json"), JSON.stringify(META));
    writeFileSync(join(dir, "folder/vocabulary.csv"), 'term,lang,kind,weight\nfake,en,replica,1\n"copy,en,replica,1\n');
    lines.err.length = 0;
    expect(build(join(dir, "folder"), out, {}, io)).toBe(1);
    expect(lines.err).toEqual(["error: vocabulary.csv row 3: a quoted field is not closed"]);
  });

  it("names the spreadsheet's own row after blank rows", () => {
    const bad = "brand,tier\nGood,mass\n\n\nBad,royal\n";
    expect(build(file("gaps.csv", bad), join(dir, "x.json"), META, io)).toBe(1);
    expect(lines.err.join("\n")).toMatch(/brands\[1\]\.tier.*spreadsheet gaps\.csv row 5/);
  });
});

describe("the command line", () => {
  it("exits 1 on a broken pack and 2 on a usage error", async () => {
    const { spawnSync } = await import("node:child_process");
    const tsx = join(import.meta.dirname, "../node_modules/tsx/dist/cli.mjs");
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [tsx, join(import.meta.dirname, "pack.ts"), ...args], { encoding: "utf8" });
    const broken = run("lint", file("b.json", '{"format":1}'));
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/error: id: expected a string/);
    expect(run("frobnicate").status).toBe(2);
  });
});

describe("pack keygen keeps private keys out of the working directory", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("defaults to the user's configuration directory", () => {
    expect(defaultKeyDir({ XDG_CONFIG_HOME: "/cfg" }, "/home/u")).toBe("/cfg/copycatch/keys");
    expect(defaultKeyDir({}, "/home/u")).toBe("/home/u/.config/copycatch/keys");
    // A relative XDG_CONFIG_HOME is invalid by the spec: ignored.
    expect(defaultKeyDir({ XDG_CONFIG_HOME: "cfg" }, "/home/u")).toBe("/home/u/.config/copycatch/keys");
  });

  it("without -o writes owner-only files under $XDG_CONFIG_HOME/copycatch/keys", async () => {
    vi.stubEnv("XDG_CONFIG_HOME", dir);
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      expect(await main(["keygen"])).toBe(0);
    } finally {
      log.mockRestore();
    }
    const keys = join(dir, "copycatch", "keys");
    expect(statSync(keys).mode & 0o777).toBe(0o700);
    expect(statSync(join(keys, "private-key.pem")).mode & 0o777).toBe(0o600);
    expect(statSync(join(keys, "private-key.jwk.json")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(keys, "public-key.pem"), "utf8")).toMatch(/BEGIN PUBLIC KEY/);
  });

  it(".gitignore covers the private key file names wherever they land", () => {
    const root = join(import.meta.dirname, "..");
    for (const name of ["private-key.pem", "keys/private-key.pem", "private-key.jwk.json", "acme/signing.jwk.json"]) {
      // Exits 0 when ignored, 1 when not (execFileSync throws).
      expect(() => execFileSync("git", ["check-ignore", "--no-index", "-q", name], { cwd: root }), name).not.toThrow();
    }
    expect(() => execFileSync("git", ["check-ignore", "--no-index", "-q", "public-key.pem"], { cwd: root })).toThrow();
  });
});
