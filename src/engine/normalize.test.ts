import { describe, expect, it } from "vitest";
import { normalize } from "./normalize.ts";

describe("normalize", () => {
  it("folds case, full-width, diacritics and removes invisible characters", () => {
    expect(normalize("ＮＩＫＥ").text).toBe("nike");
    expect(normalize("Hermès Café").text).toBe("hermes cafe");
    expect(normalize("Ni\u200bk\u200de\u202e").text).toBe("nike");
  });

  it("folds Cyrillic and Greek look-alikes to the Latin skeleton", () => {
    expect(normalize("Nіkе").text).toBe("nike"); // Cyrillic і and е
    expect(normalize("ΝΙΚΕ").text).toBe("nike"); // Greek capitals
    expect(normalize("ɢᴜᴄᴄɪ").text).toBe("gucci"); // small capitals
    expect(normalize("🇳🇮🇰🇪").text).toBe("nike"); // regional indicators
    expect(normalize("🅝🅘🅚🅔").text).toBe("nike"); // negative circled letters
    expect(normalize("🅽🅸🅺🅴").text).toBe("nike"); // negative squared letters
  });

  it("folds the look-alikes of Unicode's confusables (data/confusables.json): Lisu, Cherokee, Cyrillic г", () => {
    expect(normalize("ꓖUCCI").text).toBe("gucci"); // Lisu letter
    expect(normalize("ᏟᎻᎪNEL").text).toBe("chanel"); // Cherokee letters
    expect(normalize("Pгаda").text).toBe("prada"); // Cyrillic г and а
    expect(normalize("ᴘʀᴀᴅᴀ").text).toBe("prada"); // small capitals
  });

  it("keeps the letters of native words letters, and scripts that are not look-alikes unfolded", () => {
    expect(normalize("Зара").text).not.toMatch(/[0-9]/); // З has the skeleton 3 but is a letter of Зара
    expect(normalize("Straße").text).toBe("straße"); // ß is the skeleton of β, not a b
    expect(normalize("اديداس").text).not.toMatch(/[a-z]/); // Arabic ا and ه have Latin skeletons (l, o)
    expect(normalize("נייקי סניקרס").text).not.toMatch(/[a-z]/); // Hebrew ו, ס likewise
  });

  it("keeps genuine Cyrillic and CJK words matchable", () => {
    expect(normalize("реплика").text).toBe(normalize("РЕПЛИКА").text);
    expect(normalize("ｽｰﾊﾟｰｺﾋﾟｰ").text).toBe(normalize("スーパーコピー").text);
  });

  it("maps every folded character back to its original offset", () => {
    const src = "A\u200bＢé";
    const n = normalize(src);
    expect(n.text).toBe("abe");
    expect(n.starts).toEqual([0, 2, 3]);
    expect(n.ends).toEqual([1, 3, 4]);
  });
});
