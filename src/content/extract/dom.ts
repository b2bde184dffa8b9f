/** Small DOM reading helpers shared by the layers and the site adapters. */

/** Visible-ish text of an element, whitespace collapsed; null when empty. */
export function text(el: Element | null | undefined): string | null {
  const t = el?.textContent?.replace(/\s+/g, " ").trim();
  return t ? t : null;
}

export function attr(el: Element | null | undefined, name: string): string | null {
  const v = el?.getAttribute(name)?.trim();
  return v ? v : null;
}

export function meta(doc: Document, key: string): string | null {
  return attr(doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`), "content");
}
