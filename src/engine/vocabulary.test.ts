/**
 * The default pack's counterfeit vocabulary in context: each term counts on a
 * replica seller's phrase and not on an ordinary or genuine phrase with the same
 * letters (its sense rule in data/term-senses.json, a negation, or another word).
 * Hand-written phrases from the trade's public wording, not evaluation rows.
 */
import { describe, expect, it } from "vitest";
import { compileDefaultPack, defaultPack } from "../../test-support/default-pack.ts";
import { emptyListing } from "../shared/listing.ts";
import { score } from "./score.ts";
import { ordinarySense } from "./senses.ts";

const pack = defaultPack();
const m = compileDefaultPack(pack);

/** The vocabulary terms that count in a title. */
function counted(title: string): string[] {
  const v = score({ ...emptyListing("https://www.ebay.com/itm/1", "ebay"), title }, m);
  return v.reasons.filter((r) => r.signal === "counterfeit-term").map((r) => String(r.params?.term ?? ""));
}

/** [term, a replica phrase where it counts, an ordinary phrase with the same letters where it does not]. */
const CASES: [string, string, string][] = [
  ["batch", "Yeezy 350 V2 Zebra [M batch]", "Nike socks, batch number 20240311"],
  ["batch", "Air Jordan 4 (GD batch) size 43", "Nike coffee mug, small-batch roasted beans"],
  ["batch", "Jordan 1 Chicago PK 4.0 batch", "Nike hoodie (small batch)"],
  ["top batch", "Dunk Low Panda top batch", "Nike Dunk Low, top of the batch is sold out"],
  ["god batch", "Jordan 4 Bred god batch", "Nike tee, God bless this batch of shirts"],
  ["LJR", "Air Jordan 4 Black Cat [LJR]", "Nike LJR sticker pack (initials L.J.R.)"],
  ["LJR", "Air Jordan 1 LJR版 黑脚趾", "LJR Nike running club tee"],
  ["PK", "Yeezy 350 【PK4.0】", "Nike Everyday socks PK 6 pairs"],
  ["GX", "Dunk Low Panda [GX]", "Canon PowerShot GX Nike strap"],
  ["H12", "Air Jordan 1 [H12]", "Nike H12 replacement hose fitting"],
  ["OWF", "Off-White Dunk [OWF]", "Nike OWF fan club poster"],
  ["VSF", "Rolex Submariner [VSF]", "Rolex Submariner VSF kit for model railway"],
  ["ZF", "Omega Seamaster [ZF]", "BMW ZF 8HP gearbox filter"],
  ["ARF", "Rolex GMT [ARF]", "Nike ARF airsoft rifle sling"],
  ["3KF", "Omega Seamaster 3KF version", "Nike 3KF thermostat"],
  ["EWF", "Rolex Datejust [EWF]", "Nike EWF water filter"],
  ["GP", "Jordan 11 Cool Grey [GP]", "Nike F1 GP cap"],
  ["VS factory", "Rolex Submariner VS factory 3235", "Rolex Submariner, not VS factory, genuine"],
  ["Noob factory", "Rolex Daytona Noob factory", "Rolex Daytona, no Noob factory copy"],
  ["Clean factory", "Rolex Datejust Clean factory", "Rolex Datejust, not Clean factory"],
  ["ZF factory", "Omega ZF factory Seamaster", "Omega Seamaster, not ZF factory"],
  ["AR factory", "Rolex AR factory 904L", "Rolex, not AR factory"],
  ["3K factory", "Omega 3K factory Seamaster", "Omega Seamaster, not 3K factory"],
  ["APS factory", "Audemars Piguet APS factory", "Audemars Piguet, not APS factory"],
  ["super clone", "Rolex Daytona super clone 4130", "Rolex Daytona, not a super clone"],
  ["W2C", "Nike Tech Fleece W2C", "Nike Tech Fleece W 2 colours"],
  ["QC pics", "Jordan 4 Bred QC pics available", "Nike tee, QC passed, pics in description"],
  ["QC photos", "Jordan 4 Bred QC photos before shipping", "Nike tee, QC passed, photos below"],
  ["Yupoo", "Nike Dunk Yupoo catalogue", "Nike Dunk, no Yupoo"],
  ["Pandabuy", "Nike Dunk Pandabuy link", "Nike Dunk, no Pandabuy"],
  ["CSSBuy", "Nike Dunk CSSBuy link", "Nike Dunk, not CSSBuy"],
  ["Sugargoo", "Nike Dunk Sugargoo link", "Nike Dunk, not Sugargoo"],
  ["Kakobuy", "Nike Dunk Kakobuy link", "Nike Dunk, not Kakobuy"],
  ["CNFans", "Nike Dunk CNFans link", "Nike Dunk, not CNFans"],
  ["Mulebuy", "Nike Dunk Mulebuy link", "Nike Dunk, not Mulebuy"],
  ["Hoobuy", "Nike Dunk Hoobuy link", "Nike Dunk, not Hoobuy"],
  ["Superbuy", "Nike Dunk Superbuy link", "Nike Dunk, super buy"],
  ["retail version", "Jordan 1 Chicago retail version", "Nintendo Switch game retail version"],
  ["mirror grade", "Gucci Marmont mirror grade", "Gucci mirror, A grade glass"],
  ["mirror copy", "Gucci Marmont mirror copy", "Gucci compact mirror with a copy of the receipt"],
  ["top quality", "Gucci belt top quality", "Gucci belt, top quality leather"],
  ["1:1 version", "Prada bag 1:1 version", "Prada 1:1 scale model, version 2"],
  ["1:1 copy", "Prada bag 1:1 copy", "Prada bag, 1:1 scale print, copy of invoice"],
  ["1:1 clone", "Rolex Submariner 1:1 clone", "Rolex Submariner, not a 1:1 clone"],
  ["1:1 rep", "Jordan 4 1:1 rep", "Jordan 4, 1:1 scale, sales rep sample"],
  ["UA quality", "Jordan 1 UA quality", "Under Armour UA shirt, quality cotton"],
  ["UA version", "Jordan 1 UA version", "Under Armour UA shirt, version 2"],
  ["triple A quality", "Nike Dunk triple A quality", "Nike Dunk, triple stitched, A quality"],
  ["rep shoes", "Nike rep shoes Jordan 1", "Nike shoes sample from a sales rep"],
  ["rep sneakers", "Nike rep sneakers Jordan 1", "Nike sneakers, sales rep"],
  ["Putian shoes", "Nike Putian shoes", "Nike shoes shipped from Putian"],
  ["顶级复刻", "耐克 顶级复刻 倒钩", "耐克 顶级 复古 复刻发售"],
  ["同款", "耐克 Dunk 同款", "耐克 Dunk 明星同款"],
  ["大牌", "大牌 耐克 包", "国际大牌 耐克 正品"],
  ["大牌平替", "耐克 大牌平替 运动鞋", "耐克 平价 大牌 正品"],
  ["平替", "香奈儿 平替 香水", "香奈儿 平价 替换装"],
  ["真标", "耐克 原单 真标", "耐克 真的 标签"],
  ["区别市面", "耐克 区别市面 版本", "耐克 区别 市面上的"],
  ["原鞋开发", "耐克 原鞋开发", "耐克 原鞋盒 开发票"],
  ["原楦头", "耐克 原楦头", "耐克 原装 鞋楦"],
  ["原纸板", "耐克 原纸板", "耐克 原装纸盒"],
  ["可过验", "耐克 可过验", "耐克 可 验货"],
  ["过验版本", "耐克 过验版本", "耐克 验证 版本"],
  ["莆田货", "耐克 莆田货", "耐克 福建 货"],
  ["莆田版", "耐克 莆田版", "耐克 版型"],
  ["N厂", "劳力士 N厂 潜航者", "劳力士 N 厂家"],
  ["VS厂", "劳力士 VS厂", "劳力士 VS 厂家"],
  ["ZF厂", "欧米茄 ZF厂", "欧米茄 ZF 变速箱"],
  ["3K厂", "欧米茄 3K厂", "欧米茄 3K 厂家"],
  ["EW厂", "劳力士 EW厂", "劳力士 EW 厂家"],
  ["APS厂", "爱彼 APS厂", "爱彼 APS 厂家"],
  ["高仿", "耐克 高仿 运动鞋", "耐克 高仿真花 仿真植物"],
  ["一比一", "耐克 一比一 运动鞋", "耐克 一比一 比例模型"],
  ["1比1", "耐克 1比1 运动鞋", "耐克 1比1手办"],
  ["原单", "耐克 原单 运动鞋", "耐克 运动鞋 原单号返回"],
  ["公司级", "耐克 公司级 运动鞋", "耐克 公司级账号"],
  ["高版本", "耐克 高版本 运动鞋", "耐克 手环 兼容 高版本系统"],
  ["コピー商品", "ナイキ コピー商品", "ナイキ コピー用紙 商品"],
  ["コピーブランド", "ナイキ コピーブランド", "ナイキ コピー ブランド用紙"],
  ["N級", "ナイキ N級", "ナイキ N 級"],
  ["ミラー級", "ナイキ ミラー級", "ナイキ ミラー 級"],
  ["パチモン", "ナイキ パチモン", "ナイキ パチンコ"],
  ["ぱちもん", "ナイキ ぱちもん", "ナイキ ぱちぱち"],
  ["バッタもん", "ナイキ バッタもん", "ナイキ バッタ 昆虫"],
  ["偽ブランド", "ナイキ 偽ブランド", "ナイキ 偽ブランドではありません"],
  ["홍콩명품", "나이키 홍콩명품", "나이키 홍콩 여행"],
  ["홍콩 명품", "나이키 홍콩 명품", "나이키 홍콩 직구"],
  ["가품", "나이키 가품", "나이키 정품"],
  ["зеркальная копия", "Nike зеркальная копия", "Nike зеркальная поверхность"],
  ["копия 1:1", "Nike копия 1:1", "Nike не копия"],
  ["палёный", "Nike палёный", "Nike не палёный"],
  ["фейк", "Nike фейк", "Nike не фейк"],
  ["copia exacta", "Nike copia exacta", "Nike no es copia exacta"],
  ["copia espejo", "Nike copia espejo", "Nike espejo retrovisor"],
  ["réplica espejo", "Nike réplica espejo", "Nike no es réplica espejo"],
  ["calidad 1:1", "Nike calidad 1:1", "Nike calidad premium, escala 1:1"],
  ["calidad G5", "Nike tenis calidad G5", "Nike Moto G5 funda calidad"],
  ["trucho", "Nike trucho", "Nike no trucho"],
  ["qualidade AAA", "Nike qualidade AAA", "Nike pilhas AAA, qualidade"],
  ["réplica de luxo", "Nike réplica de luxo", "Nike não é réplica de luxo"],
  ["فيرست كوبي", "نايك فيرست كوبي", "نايك فيرست"],
  ["ميرور كوالتي", "نايك ميرور كوالتي", "نايك ميرور"],
  ["طبق الأصل", "ساعة رولكس طبق الأصل", "ساعة رولكس الأصل"],
  ["مقلد", "نايك مقلد", "نايك أصلي"],
  ["AAA kalite", "Nike AAA kalite", "Nike AAA pil, kalite"],
  ["birebir kopya", "Nike birebir kopya", "Nike birebir aynı, kopya değil"],
  ["imitasyon", "Nike imitasyon", "Nike imitasyon deri"],
  ["sahte", "Nike sahte", "Nike sahtekar"],
  ["podróba", "Nike podróba", "Nike podróż"],
  ["podróbki", "Nike podróbki", "Nike podróże"],
  ["imitacja", "Nike imitacja", "Nike imitacja skóry"],
  ["barang KW", "Nike barang KW", "Nike barang ori, KW kalender"],
  ["tiruan", "Nike tiruan", "Nike hiasan bunga tiruan"],
  ["palsu", "Nike palsu", "Nike bulu mata palsu"],
  ["rep 11", "Nike giày rep 11", "Nike giày 11 rep"],
  ["fake loại 1", "Nike fake loại 1", "Nike loại 1"],
  ["เทียบแท้", "Nike เทียบแท้", "Nike ของแท้"],
  ["งานเทียบแท้", "Nike งานเทียบแท้", "Nike งานแท้"],
  ["งานก๊อป", "Nike งานก๊อป", "Nike งาน"],
  ["ก๊อปเกรด", "Nike ก๊อปเกรด", "Nike เกรด"],
  ["งานมิลเลอร์", "Nike งานมิลเลอร์", "Nike มิลเลอร์"],
  ["งานมิเรอร์", "Nike งานมิเรอร์", "Nike มิเรอร์"],
  ["ของก๊อป", "Nike ของก๊อป", "Nike ของแท้"],
  ["ของปลอม", "Nike ของปลอม", "Nike ไม่ใช่ของ"],
];

describe("the default pack's counterfeit vocabulary counts in its counterfeit sense only (hand-written titles)", () => {
  it.each(CASES)("%s: counts in %j, not in %j", (term, replica, ordinary) => {
    expect(counted(replica)).toContain(term);
    expect(counted(ordinary)).not.toContain(term);
  });

  it("every term of the table is in the pack", () => {
    const terms = new Set(pack.vocabulary.map((v) => v.term));
    expect(CASES.map(([t]) => t).filter((t) => !terms.has(t))).toEqual([]);
  });

  it("a term that counts only in brackets or next to its words: the brackets must enclose it", () => {
    expect(ordinarySense("batch", "Jordan 4 [LJR batch]", 14, 19)).toBe(false);
    expect(ordinarySense("batch", "[Jordan 4] batch 7", 11, 16)).toBe(true);
    expect(ordinarySense("batch", "Jordan 4 (small batch)", 16, 21)).toBe(true);
    expect(ordinarySense("pk", "PK 4.0 Jordan", 0, 2)).toBe(false);
    expect(ordinarySense("pk", "Socks PK 3", 6, 8)).toBe(true);
    expect(ordinarySense("batch", "Jordan 4 PK 4.0 batch", 16, 21)).toBe(false);
  });
});
