import { describe, expect, it } from "vitest";
import { decodePage, sniffCharset } from "./load-html.node.ts";

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
