import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentScriptMatches, onAnyDomain, runsContentScript } from "./marketplace-sites.ts";

/** A match pattern of the manifest's kind ("https://*.amazon.com/*", "https://item.taobao.com/*") as a test on a URL. */
function matchesPattern(pattern: string, url: string): boolean {
  const m = /^https:\/\/(\*\.)?([^/]+)\/\*$/.exec(pattern);
  if (!m) throw new Error(`unexpected pattern ${pattern}`);
  const u = new URL(url);
  if (u.protocol !== "https:") return false;
  const host = m[2] as string;
  return m[1] ? u.hostname === host || u.hostname.endsWith(`.${host}`) : u.hostname === host;
}

describe("runsContentScript: the pages the content script runs on", () => {
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "manifest.json"), "utf8"));
  const patterns: string[] = manifest.content_scripts[0].matches;

  it("the manifest's matches are the ones the hosts give", () => {
    expect([...patterns].sort()).toEqual([...contentScriptMatches()].sort());
  });

  it("agrees with the manifest's match patterns on marketplace and other URLs", () => {
    const urls = [
      ...patterns.map((p) => p.replace("*.", "www.").replace(/\/\*$/, "/some/listing?id=1")),
      ...patterns.map((p) => p.replace("*.", "").replace(/\/\*$/, "/")),
      ...patterns.map((p) => p.replace("https://", "http://").replace("*.", "www.").replace(/\/\*$/, "/x")),
      ...patterns.map((p) => p.replace("*.", "evil-").replace(/\/\*$/, "/x")),
      "https://example.com/",
      "https://amazon.com.evil.example/dp/1",
      "not a url",
      "chrome://extensions/",
    ];
    for (const url of urls) {
      const expected = URL.canParse(url) && patterns.some((p) => matchesPattern(p, url));
      expect(runsContentScript(url), url).toBe(expected);
    }
    expect(runsContentScript("https://www.amazon.com/dp/B0")).toBe(true);
    expect(runsContentScript("https://amazon.com.evil.example/dp/1")).toBe(false);
  });
});

describe("onAnyDomain", () => {
  it("is true for a domain of the list or a subdomain of one, never for a look-alike or no host", () => {
    const domains = ["vinted.fr", "catawiki.com"];
    expect(onAnyDomain("www.vinted.fr", domains)).toBe(true);
    expect(onAnyDomain("catawiki.com", domains)).toBe(true);
    expect(onAnyDomain("vinted.fr.evil.example", domains)).toBe(false);
    expect(onAnyDomain("notvinted.fr", domains)).toBe(false);
    expect(onAnyDomain(null, domains)).toBe(false);
  });
});
