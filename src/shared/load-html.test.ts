import { describe, expect, it } from "vitest";
import { decodePage, parsePage, sniffCharset } from "./load-html.node.ts";

const enc = (s: string) => new TextEncoder().encode(s);

describe("sniffCharset", () => {
  it("reads UTF-8 bytes as UTF-8 even when the page declares GBK (re-encoded saved pages)", () => {
    expect(sniffCharset(enc('<meta charset="gbk"><p>乳白亚克力</p>'))).toBe("utf-8");
  });
  it("finds a GBK declaration far past the first kilobyte", () => {
    const gbk = new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]); // 你好 in GBK
    const head = enc(`<script>${"x".repeat(200_000)}</script><meta charset="gbk">`);
    const bytes = new Uint8Array([...head, ...gbk]);
    expect(sniffCharset(bytes)).toBe("gbk");
    expect(decodePage(bytes).endsWith("你好")).toBe(true);
  });
  it("maps Shift_JIS aliases", () => {
    const sjis = new Uint8Array([
      ...enc('<meta http-equiv="Content-Type" content="text/html; charset=x-sjis">'),
      0x82,
      0xa0,
    ]);
    expect(sniffCharset(sjis)).toBe("shift_jis");
    expect(decodePage(sjis).endsWith("あ")).toBe(true);
  });
  it("falls back to windows-1252 for undeclared legacy bytes", () => {
    expect(sniffCharset(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toBe("windows-1252");
  });
});

describe("parsePage: getElementById from an index, as a browser answers it", () => {
  const page = () =>
    parsePage('<div id="a">one</div><p id="b">two</p><span id="a">dup</span><section><i id="c">three</i></section>');

  it("returns the first element in tree order, null for an absent or empty id", () => {
    const doc = page();
    expect(doc.getElementById("a")?.textContent).toBe("one");
    expect(doc.getElementById("c")?.textContent).toBe("three");
    expect(doc.getElementById("zz")).toBeNull();
    expect(doc.getElementById("")).toBeNull();
  });

  it("sees elements added, removed and renamed after the first lookup", () => {
    const doc = page();
    expect(doc.getElementById("new")).toBeNull();
    const el = doc.createElement("b");
    el.setAttribute("id", "new");
    doc.body.prepend(el);
    expect(doc.getElementById("new")).toBe(el);
    doc.getElementById("a")?.remove();
    expect(doc.getElementById("a")?.textContent).toBe("dup");
    doc.getElementById("b")?.setAttribute("id", "renamed");
    expect(doc.getElementById("b")).toBeNull();
    expect(doc.getElementById("renamed")?.textContent).toBe("two");
    const front = doc.createElement("u");
    front.setAttribute("id", "c");
    doc.body.prepend(front);
    expect(doc.getElementById("c")).toBe(front);
  });
});
