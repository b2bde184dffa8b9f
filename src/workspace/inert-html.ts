/**
 * The printable report's HTML (built by the shared template, which escapes
 * every text it is given) turned into DOM nodes without an HTML sink: it is
 * parsed into an inert document (DOMParser runs no script and loads nothing),
 * then anything active is dropped before the nodes are adopted: script-like
 * elements, event-handler attributes, and links or sources that are not
 * http(s), data:image/png or a fragment. A second line of defence behind the
 * template's escaping; the same template feeds `npm run case-report`.
 */
const ACTIVE = "script, iframe, frame, object, embed, link, meta, base, form, template, noscript";
const URL_ATTRS = new Set(["href", "src", "xlink:href", "action", "formaction", "srcset", "poster"]);
const SAFE_URL = /^(https?:|data:image\/png;base64,|#)/i;

export function inertNodes(html: string, doc: Document = document): Node[] {
  const parsed = new DOMParser().parseFromString(
    `<!doctype html><html><head></head><body>${html}</body></html>`,
    "text/html",
  );
  for (const el of [...parsed.querySelectorAll(ACTIVE)]) el.remove();
  for (const el of [...parsed.body.querySelectorAll("*")]) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on") || (URL_ATTRS.has(name) && !SAFE_URL.test(attr.value.trim()))) {
        el.removeAttribute(attr.name);
      }
    }
  }
  return [...parsed.body.childNodes].map((n) => doc.importNode(n, true));
}
