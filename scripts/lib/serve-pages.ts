/**
 * Serving saved pages at their real marketplace URLs (context.route), so the
 * content script runs exactly as it would on the live site. Every other
 * request (images, scripts of the saved page) is answered empty: the tests
 * never touch the network.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { BrowserContext, Page } from "@playwright/test";
import { ROOT } from "./browser.ts";

export interface SavedPage {
  /** Path under fixtures/pages/. */
  file: string;
  url: string;
}

export function readSaved(file: string): Buffer {
  const raw = readFileSync(join(ROOT, "fixtures/pages", file));
  return file.endsWith(".gz") ? gunzipSync(raw) : raw;
}

/** The original URL a saved page came from, from its .source.txt note. */
export function originalUrl(file: string): string {
  const note = readFileSync(join(ROOT, "fixtures/pages", file.replace(/\.gz$/, "").concat(".source.txt")), "utf8");
  const m = note.match(/original URL\(s\) found in file:\s*(https?:\/\/\S+)/);
  if (!m?.[1]) throw new Error(`No original URL in the source note of ${file}`);
  return m[1];
}

/**
 * Block everything by default; then serve the given pages.
 *
 * Routes on a context also pause every request of the extension's service
 * worker (Chromium): each one then makes a round trip through the test runner
 * before it may go on. A webhook body of a few megabytes made that way can
 * outlast the test build's 3 s request timeout on a loaded machine, so the
 * case never reached the test's server. Pass the page instead of the context
 * wherever the worker itself talks to a local server: page routes serve the
 * page and leave the worker's requests alone.
 */
export async function servePages(
  target: BrowserContext | Page,
  pages: { url: string; body: Buffer | string; contentType?: string }[],
): Promise<void> {
  await target.route(
    (url) => url.protocol === "http:" || url.protocol === "https:",
    (route) => route.fulfill({ status: 204, body: "" }),
  );
  for (const page of pages) {
    await target.route(page.url, (route) =>
      route.fulfill({ status: 200, contentType: page.contentType ?? "text/html; charset=utf-8", body: page.body }),
    );
  }
}
