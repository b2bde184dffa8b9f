import { describe, expect, it } from "vitest";
import { newScan, type Scan, scanText, scanTextCold } from "./scan.ts";

function snapshot(s: Scan) {
  return {
    fb: Array.from(s.fb.subarray(0, s.n)),
    fm: Array.from(s.fm.subarray(0, s.n + 1)),
    ts: Array.from(s.ts.subarray(0, s.nt)),
    te: Array.from(s.te.subarray(0, s.nt)),
    th: Array.from(s.th.subarray(0, s.nt)),
    tk: Array.from(s.tk.subarray(0, s.nt)),
    tg: Array.from(s.tg.subarray(0, s.nt)),
    tm: Array.from(s.tm.subarray(0, s.nt)),
    cjk: Array.from(s.cjk.subarray(0, s.ncjk)),
  };
}

describe("scanner", () => {
  const anchors = new Uint8Array(65536);
  anchors[0x8010] = 1; // 耐
  const texts = [
    "",
    "Nike Air Jordan 1 retro high OG",
    "N.I.K.E  N*KE  A⭐R J⭐R⭐AN Gu-cci R0LEX x-large 1:1 10pcs",
    "Ｎｉｋｅ Hermès Nіkе ΝΙΚΕ ɢᴜᴄᴄɪ 🇳🇮🇰🇪 Ni\u200bke",
    "正品耐克运动鞋 ｽｰﾊﾟｰｺﾋﾟｰ スーパーコピー реплика",
    "ﬁne ㎏ ﷺ ".repeat(40),
    "lorem ipsum dolor sit amet ".repeat(100),
  ];

  it("scanTextCold (compile time) scans exactly like scanText", () => {
    for (const t of texts) {
      const a = newScan(16);
      const b = newScan(16);
      scanText(t, a, anchors, 1);
      scanTextCold(t, b, anchors, 1);
      expect(snapshot(b)).toEqual(snapshot(a));
    }
  });

  it("keeps tokens when folding expands the text past the buffer", () => {
    const t = `${"ﷺ".repeat(30)} nike ${"ﬁ".repeat(30)} gucci`;
    const s = newScan(8);
    scanText(t, s, anchors, 1);
    const words: string[] = [];
    for (let k = 0; k < s.nt; k++) words.push(String.fromCharCode(...s.fb.subarray(s.ts[k], s.te[k])));
    expect(words).toContain("nike");
    expect(words).toContain("gucci");
  });
});
