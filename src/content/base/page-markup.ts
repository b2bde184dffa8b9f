/**
 * The page-level markup every extraction reads, gathered in one document
 * walk: the <script> elements (inline data, JSON-LD), the <meta content>
 * elements (OpenGraph, meta tags) and whether any microdata or RDFa scope
 * exists. On a 10,000-element page each walk costs about as much as the
 * adapter's own reading, and separate queries for each walked it again.
 */

export interface PageMarkup {
  /** Every <script> element, inline or not, in document order. */
  scripts: readonly Element[];
  /** Every <meta> with a content attribute, in document order. */
  metas: readonly Element[];
  /** True when an element carries itemscope or typeof: without one, the microdata and RDFa layers find nothing. */
  scoped: boolean;
}

export function surveyMarkup(doc: Document): PageMarkup {
  const scripts: Element[] = [];
  const metas: Element[] = [];
  let scoped = false;
  for (const el of doc.querySelectorAll("script, meta[content], [itemscope], [typeof]")) {
    const tag = el.tagName.toLowerCase();
    if (tag === "script") scripts.push(el);
    else if (tag === "meta" && el.hasAttribute("content")) metas.push(el);
    if (!scoped && (el.hasAttribute("itemscope") || el.hasAttribute("typeof"))) scoped = true;
  }
  return { scripts, metas, scoped };
}
