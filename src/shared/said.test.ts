/**
 * Messages told as a key and params: the English the CLI, logs and records
 * keep, the user's language on the pages with each text param isolated, and
 * what a reply or an old record may carry.
 */
import { describe, expect, it } from "vitest";
import { localeCatalog } from "../../test-support/catalogs.ts";
import { sampleListing, sampleNoticeInput } from "./case-sample.node.ts";
import { noticeFor, noticeText } from "./notices/index.ts";
import { PackError, packErrorSaid } from "./pack-validate.ts";
import { portalHintKey } from "./report-portals.ts";
import { asSaid, english, errorText, httpSaid, SaidError, said, saidFromData, sayText, textOf } from "./said.ts";

const catalog = localeCatalog;
const es = catalog("es");
const ar = catalog("ar");
const ja = catalog("ja");
const FSI = "\u2068";
const PDI = "\u2069";

describe("said", () => {
  it("keeps the English sentence as the error's message (what the CLI and the logs print)", () => {
    const error = new SaidError(said("feed_http", { answer: httpSaid(503) }));
    expect(error.message).toBe("The feed could not be downloaded: the server answered 503 (server error).");
    expect(english(said("error_storage_full"))).toMatch(/^Storage is full: this case was not saved/);
  });

  it("words a validator's error and its detail in Spanish and Arabic, the JSON path isolated inside the sentence", () => {
    const error = new SaidError(packErrorSaid(new PackError("version", said("pack_detail_non_negative_integer"))));
    expect(error.message).toBe("The pack is broken at version: expected a non-negative integer");
    expect(errorText(error, es)).toBe(
      `El paquete está dañado en ${FSI}version${PDI}: se esperaba un entero no negativo`,
    );
    expect(errorText(error, ar)).toBe(`الحزمة تالفة عند ${FSI}version${PDI}: يُتوقَّع عدد صحيح غير سالب`);
  });

  it("words a detail inside a warning inside the sentence, each param of each level isolated, numbers not", () => {
    const detail = said("pack_detail_too_many", { count: 1200, limit: 500 });
    const warning = said("pack_warning_entry_skipped", { path: "brands[0].models", detail });
    expect(english(warning)).toBe("brands[0].models: 1,200 items, more than the limit of 500 (entry skipped)");
    expect(sayText(warning, es)).toBe(
      `${FSI}brands[0].models${PDI}: 1200 elementos, más que el límite de 500 (entrada omitida)`,
    );
    const regex = said("pack_warning_entry_skipped", {
      path: "vocabulary[2].term",
      detail: said("pack_detail_regex", { value: "fake.*" }),
    });
    expect(sayText(regex, ar)).toBe(
      `${FSI}vocabulary[2].term${PDI}: «${FSI}fake.*${PDI}» يبدو تعبيرًا نمطيًا؛ الأنماط عبارات حرفية (تم تجاوز الإدخال)`,
    );
  });

  it("writes numbers the locale's way without isolating them", () => {
    expect(sayText(said("attachment_too_many", { count: 5 }), es)).toBe("Como máximo 5 documentos.");
    expect(sayText(said("feed_http", { answer: httpSaid(503) }), ar)).toBe(
      "تعذّر تنزيل المصدر: ردّ الخادم بالرمز 503 (خطأ في الخادم).",
    );
  });

  it("words anything else thrown as an unexpected error, its own English kept as an isolated detail", () => {
    expect(errorText(new Error("No case 1234"), es)).toBe(
      `un error inesperado (mensaje original: ${FSI}No case 1234${PDI})`,
    );
    expect(errorText("plain", ar)).toBe(`خطأ غير متوقَّع (الرسالة الأصلية: ${FSI}plain${PDI})`);
  });

  it("rebuilds a Said from a reply or a record only with a known key and text or number params", () => {
    expect(asSaid({ key: "feed_http", params: { status: 404 } })).toEqual({
      key: "feed_http",
      params: { status: 404 },
    });
    expect(asSaid({ key: "no_such_key", params: {} })).toBeNull();
    expect(asSaid({ key: "feed_http", params: { status: { nested: 1 } } })).toBeNull();
    // A Said inside another (a validator's detail) is rebuilt the same way, and only a few levels deep.
    const nested = { key: "pack_broken", params: { detail: { key: "pack_detail_missing", params: {} } } };
    expect(asSaid(nested)).toEqual(nested);
    expect(asSaid({ key: "pack_broken", params: { detail: { key: "no_such_key", params: {} } } })).toBeNull();
    let deep: unknown = { key: "pack_detail_missing", params: {} };
    for (let i = 0; i < 5; i++) deep = { key: "pack_broken", params: { detail: deep } };
    expect(asSaid(deep)).toBeNull();
    expect(asSaid({ key: "feed_http", params: [] })).toBeNull();
    expect(asSaid({ key: "feed_http", params: { status: Number.NaN } })).toBeNull();
    expect(asSaid(null)).toBeNull();
    // A record written before keys existed keeps its English text.
    expect(textOf(undefined, "HTTP 404", es)).toBe("HTTP 404");
    expect(textOf(said("recheck_id_only"), "the item id is on the page but the title is not", es)).toBe(
      "el identificador del artículo está en la página, pero el título no",
    );
  });

  it("names a portal's form field and its rule in the page's language; the notice keeps the registry's label", () => {
    const input = sampleNoticeInput({
      ...sampleListing(),
      marketplace: "etsy",
      url: "https://www.etsy.com/shop/Cheap",
    });
    input.profile.phone = "";
    const notice = noticeFor("etsy", input);
    const error = (start: string) => {
      const found = notice.said.errors.find((e) => english(e).startsWith(start));
      if (!found) throw new Error(`no error starting ${start}: ${notice.errors.join("; ")}`);
      return found;
    };
    const [phone, url] = [error("Phone:"), error("Etsy listing URL")];
    const portal = "Etsy Reporting Portal (intellectual property)";
    expect(english(phone)).toBe(`Phone: required by ${portal}, empty.`);
    expect(sayText(phone, es)).toBe(`Teléfono: obligatorio para ${FSI}${portal}${PDI}, está vacío.`);
    expect(sayText(phone, ja)).toBe(`電話番号：${FSI}${portal}${PDI} では必須ですが、空欄です。`);
    expect(sayText(url, es)).toBe(
      `URL de anuncios de Etsy (no nombres de tiendas): no se acepta «${FSI}https://www.etsy.com/shop/Cheap${PDI}» (Etsy acepta URL de anuncios, no nombres de tiendas).`,
    );
    // What is pasted into the portal's form keeps the form's words.
    expect(noticeText(notice)).toMatch(/^Phone:$/m);
    expect(noticeText(notice)).toMatch(/^Etsy listing URL\(s\) \(no shop names\):$/m);
  });

  it("translates a registry text by its key, and passes a text without one (or changed since) as given", () => {
    const hint = 'Choose "Counterfeit" as the issue and paste the listing URL (or ASIN).';
    expect(saidFromData(portalHintKey("amazon"), hint)).toEqual({ key: "portal_hint_amazon", params: {} });
    expect(sayText(saidFromData(portalHintKey("amazon"), hint), es)).toMatch(/^Elige «Falsificación»/);
    expect(saidFromData(portalHintKey("amazon"), "A newer hint.")).toEqual({
      key: "as_given",
      params: { text: "A newer hint." },
    });
    expect(saidFromData("portal_hint_nowhere", "Some hint.").key).toBe("as_given");
  });
});
