import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { inertNodes } from "./inert-html.ts";

describe("inertNodes", () => {
  const { document, DOMParser } = parseHTML("<!doctype html><html><body></body></html>");
  (globalThis as { DOMParser?: unknown }).DOMParser = DOMParser;

  it("keeps the report's markup and text", () => {
    const nodes = inertNodes('<section class="case-report"><h1>Case</h1><p>a &lt;b&gt;</p></section>', document);
    const host = document.createElement("div");
    for (const n of nodes) host.appendChild(n);
    expect(host.querySelector("section.case-report h1")?.textContent).toBe("Case");
    expect(host.querySelector("p")?.textContent).toBe("a <b>");
  });

  it("drops scripts, event handlers and non-http links even if the template let one through", () => {
    const nodes = inertNodes(
      '<img src="x" onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">x</a>' +
        '<a href="https://shop.example/">y</a><img src="data:image/png;base64,AAAA"><iframe src="https://e.example"></iframe>',
      document,
    );
    const host = document.createElement("div");
    for (const n of nodes) host.appendChild(n);
    const html = host.toString();
    expect(html).not.toMatch(/onerror|<script|javascript:|<iframe/i);
    expect(host.querySelector('a[href="https://shop.example/"]')).not.toBeNull();
    expect(host.querySelector('img[src^="data:image/png"]')).not.toBeNull();
    expect(host.querySelector('img[src="x"]')).toBeNull();
  });
});
