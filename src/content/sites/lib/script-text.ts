/**
 * Inline script text for the extract context: all of it read once and
 * capped (`scriptTexts`), or the first script containing a marker
 * (`scriptWith`), which stops at the first hit and keeps nothing else: most
 * adapters need one known script, and a large page carries megabytes of
 * others.
 */

export interface ScriptReader {
  scriptTexts(): string[];
  scriptWith(marker: string): string | null;
}

function inlineScripts(doc: Document): Element[] {
  // getElementsByTagName is a cached live collection in browsers: cheaper than a selector query.
  return Array.from(doc.getElementsByTagName("script")).filter((s) => !s.hasAttribute("src"));
}

export function scriptReader(doc: Document, maxTotal: number): ScriptReader {
  let all: string[] | null = null;
  const scriptTexts = (): string[] => {
    if (all) return all;
    all = [];
    let total = 0;
    for (const s of inlineScripts(doc)) {
      const t = s.textContent ?? "";
      total += t.length;
      // Capped in total so a page stuffed with megabytes of script stays bounded.
      if (total > maxTotal) break;
      all.push(t);
    }
    return all;
  };
  const scriptWith = (marker: string): string | null => {
    if (all) return all.find((t) => t.includes(marker)) ?? null;
    let total = 0;
    for (const s of inlineScripts(doc)) {
      const t = s.textContent ?? "";
      total += t.length;
      if (total > maxTotal) return null;
      if (t.includes(marker)) return t;
    }
    return null;
  };
  return { scriptTexts, scriptWith };
}
