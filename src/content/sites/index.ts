/**
 * Every site adapter, one line each: a new marketplace is one file in this
 * folder (exporting an adapter whose id is the file name) and one line here.
 * The registry (registry.ts) takes every adapter exported from this file; the
 * meta-test (sites.test.ts) checks each adapter file is listed and has pages.
 */
export { alibaba } from "./alibaba.ts";
export { aliexpress } from "./aliexpress.ts";
export { amazon } from "./amazon.ts";
export { dhgate } from "./dhgate.ts";
export { ebay } from "./ebay.ts";
export { etsy } from "./etsy.ts";
export { jd } from "./jd.ts";
export { mercadolibre } from "./mercadolibre.ts";
export { rakuten } from "./rakuten.ts";
export { taobao } from "./taobao.ts";
export { temu } from "./temu.ts";
export { tmall } from "./tmall.ts";
export { walmart } from "./walmart.ts";
