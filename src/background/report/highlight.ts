/**
 * "Show on page": highlight the evidence phrases in the tab with the CSS
 * Custom Highlight API — ranges over the page's text, no change to its DOM,
 * removed by clearing the highlight. Injected with scripting.executeScript
 * (activeTab from the popup click, or the host permission).
 */
import browser from "webextension-polyfill";
import { SaidError, said } from "../../shared/said.ts";

export const MAX_PHRASES = 20;

/** Runs in the page (isolated world): must be self-contained. Returns how many ranges it highlighted. */
function paint(phrases: string[], on: boolean): number {
  const NAME = "copycatch-evidence";
  const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
  const marker = "copycatchHighlight";
  const sheets = document.adoptedStyleSheets.filter((s) => !(s as unknown as Record<string, boolean>)[marker]);
  if (!registry) return -1;
  registry.delete(NAME);
  document.adoptedStyleSheets = sheets;
  if (!on) return 0;
  const needles = phrases.map((p) => p.toLowerCase()).filter((p) => p.length > 0);
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest("script,style,noscript,template")
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node && ranges.length < 500; node = walker.nextNode()) {
    const text = (node.textContent ?? "").toLowerCase();
    for (const needle of needles) {
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
        const range = new Range();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        ranges.push(range);
      }
    }
  }
  const HighlightCtor = (globalThis as unknown as { Highlight: new (...r: Range[]) => unknown }).Highlight;
  registry.set(NAME, new HighlightCtor(...ranges));
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    `::highlight(${NAME}) { background-color: #ffd400; color: #000; text-decoration: underline 2px #b00020; }`,
  );
  (sheet as unknown as Record<string, boolean>)[marker] = true;
  document.adoptedStyleSheets = [...sheets, sheet];
  ranges[0]?.startContainer.parentElement?.scrollIntoView({ block: "center", behavior: "smooth" });
  return ranges.length;
}

export async function highlight(tabId: number, phrases: string[], on: boolean): Promise<number> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: paint,
    args: [phrases.slice(0, MAX_PHRASES), on],
  });
  const found = result?.result;
  if (typeof found !== "number") throw new SaidError(said("highlight_no_answer"));
  if (found < 0) throw new SaidError(said("highlight_unsupported", { api: "CSS Highlight API" }));
  return found;
}
