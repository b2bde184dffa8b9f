/**
 * Fixture harness and meta-test for the site adapters.
 *
 * For every saved page under fixtures/pages/ with a NAME.expected.json:
 * - `adapter`: fields asserted on the matching adapter's own output
 *   (`adapter.extract(ctx)`), so these checks do not depend on the generic layers;
 * - `listing`: fields asserted on the full pipeline `extractListing(doc, url)`;
 * - `isListing` (default true): the adapter's and the pipeline's page decision.
 * A flat expected.json (no `adapter`/`listing`/`isListing` key) is all adapter fields.
 * AliExpress `*.runParams.json.gz` files hold only the saved `window.runParams`
 * object; the harness wraps each into a minimal `<script>window.runParams = ...`
 * page at test time (see test-support/fixture-pages.node.ts).
 *
 * The meta-test checks every adapter file is registered, has at least one
 * fixture page (real, or hand-written and marked as such), and that every
 * fixture folder maps to adapters or to the generic layers.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { partialErrors } from "../../../test-support/expect-partial.ts";
import {
  fixtureFolders,
  fixturePages,
  loadFixture,
  runUrl,
  TEST_BUDGET,
} from "../../../test-support/fixture-pages.node.ts";
import { makeContext } from "../base/context.ts";
import type { SiteAdapter } from "../base/types.ts";
import { extractListing } from "../pipeline.ts";
import { ADAPTERS, adapterForHost } from "./registry.ts";

const SITES_DIR = dirname(fileURLToPath(import.meta.url));
/** Folders of pages that no adapter claims: the generic layers (JSON-LD, microdata, OpenGraph, heuristics) read them. */
const GENERIC_FOLDERS = new Set(["generic-schemaorg", "generic-other", "other-marketplaces"]);

interface Expected {
  isListing?: boolean;
  adapter?: Record<string, unknown>;
  listing?: Record<string, unknown>;
}

function adapterFiles(): string[] {
  return readdirSync(SITES_DIR)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "index.ts" && f !== "registry.ts")
    .sort();
}

function isAdapter(v: unknown): v is SiteAdapter {
  return typeof v === "object" && v !== null && "id" in v && "matchesHost" in v && "extract" in v;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

const pages = fixturePages();

describe("adapter registry (meta-test)", () => {
  for (const file of adapterFiles()) {
    const id = file.replace(/\.ts$/, "");
    it(`${file} exports adapter "${id}", registered in index.ts`, async () => {
      const mod = (await import(join(SITES_DIR, file))) as Record<string, unknown>;
      const exported = Object.values(mod).filter(isAdapter);
      expect(exported.map((a) => a.id)).toContain(id);
      for (const a of exported) expect(ADAPTERS, `${a.id} not in ADAPTERS`).toContain(a);
    });

    it(`${file} has at least one fixture page`, () => {
      const adapter = ADAPTERS.find((a) => a.id === id);
      expect(adapter, `${id} not registered`).toBeDefined();
      const own = pages.filter((p) => {
        const host = hostOf(p.url);
        return host !== null && adapterForHost(host)?.id === id;
      });
      expect(own.length, `no fixture page under fixtures/pages/ has a URL on ${id}`).toBeGreaterThan(0);
    });
  }

  it("ids are unique and no two adapters claim the same test host", () => {
    const ids = ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of pages) {
      const host = hostOf(p.url);
      if (!host) continue;
      const claim = ADAPTERS.filter((a) => a.matchesHost(host)).map((a) => a.id);
      expect(claim.length, `${host} claimed by ${claim.join(", ")}`).toBeLessThanOrEqual(1);
    }
  });

  it("every fixture folder maps to adapters or to the generic layers", () => {
    const ids = new Set<string>(ADAPTERS.map((a) => a.id));
    for (const folder of fixtureFolders()) {
      if (GENERIC_FOLDERS.has(folder)) continue;
      const parts = folder.split("-");
      expect(
        parts.every((p) => ids.has(p)),
        `fixtures/pages/${folder}: not an adapter id (or ids joined by "-") nor a generic folder`,
      ).toBe(true);
    }
  });

  it("pages in an adapter folder are on that site; pages in generic folders on no adapter's site", () => {
    for (const p of pages) {
      const host = hostOf(p.url);
      if (!host) continue;
      const owner = adapterForHost(host)?.id ?? null;
      if (GENERIC_FOLDERS.has(p.folder)) expect(owner, `${p.folder}/${p.name}`).toBeNull();
      else if (owner) expect(p.folder.split("-"), `${p.folder}/${p.name}`).toContain(owner);
    }
  });

  it("hand-written pages say so at the top, with why and their URL", () => {
    for (const p of pages.filter((x) => x.kind === "written")) {
      const head = readFileSync(p.file, "utf8").slice(0, 2000);
      expect(head.trimStart().startsWith("<!--"), p.file).toBe(true);
      expect(head.slice(0, 300), p.file).toMatch(/hand-written|written/i);
      expect(p.url, `${p.file}: no "url: https://..." in its comment`).not.toBeNull();
    }
  });

  it("every page has a NAME.expected.json", () => {
    const missing = pages.filter((p) => !existsSync(p.expectedFile)).map((p) => `${p.folder}/${p.name}`);
    expect(missing).toEqual([]);
  });
});

describe("fixture pages: expected output", () => {
  for (const page of pages.filter((p) => existsSync(p.expectedFile))) {
    const raw = JSON.parse(readFileSync(page.expectedFile, "utf8")) as Record<string, unknown>;
    // Two forms: {isListing?, adapter?, listing?}, or a flat object of adapter fields.
    const structured = "adapter" in raw || "listing" in raw || "isListing" in raw;
    const expected: Expected = structured ? (raw as Expected) : { adapter: raw };
    const url = runUrl(page);
    const host = hostOf(url) ?? "";
    const adapter = adapterForHost(host);
    const wantListing = expected.isListing ?? true;

    describe(`${page.folder}/${page.name} (${page.kind})`, () => {
      const doc = loadFixture(page);

      if (expected.adapter) {
        it("adapter output", () => {
          expect(adapter, `no adapter for ${host}`).not.toBeNull();
          if (!adapter) return;
          const ctx = makeContext(doc, url, TEST_BUDGET);
          expect(adapter.isListing(ctx)).toBe(wantListing);
          const patch = adapter.extract(makeContext(doc, url, TEST_BUDGET));
          expect(partialErrors(patch, expected.adapter)).toEqual([]);
        });
      }

      it("states no skipped or pending expectation (a known gap is an honest expectation, not a skip)", () => {
        expect(Object.keys(raw).filter((k) => /^(pending|skip|todo)$/i.test(k))).toEqual([]);
      });

      if (expected.listing || expected.isListing === false) {
        it("full pipeline", () => {
          const result = extractListing(doc, url, TEST_BUDGET);
          expect(result.isListing).toBe(wantListing);
          if (expected.listing) expect(partialErrors(result.listing, expected.listing)).toEqual([]);
        });
      }
    });
  }
});
