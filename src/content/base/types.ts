import type { Listing, ListingField, MarketplaceId } from "../../shared/listing.ts";
import type { PageMarkup } from "./page-markup.ts";

/** The fields an extraction layer may fill; the pipeline adds url, marketplace and sources. */
export type ListingPatch = Partial<Omit<Listing, "url" | "marketplace" | "sources" | "warnings">> & {
  warnings?: string[];
  /**
   * Fields this layer settles even where its value is null ("this page has no
   * brand": an Amazon book, whose byline names authors). Lower layers do not
   * fill them, so a generic guess cannot replace what the site says.
   */
  known?: ListingField[];
};

/** What every layer gets: the document, its URL, and a deadline so huge pages stay bounded. */
export interface ExtractContext {
  doc: Document;
  url: URL;
  /** Returns true once the time budget is spent; layers should stop early and return what they have. */
  overBudget(): boolean;
  /** The page's <script> and <meta content> elements and whether a microdata/RDFa scope exists: one walk, shared. */
  markup(): PageMarkup;
  /** The text of inline <script> elements, read once (never the page's JavaScript world). */
  scriptTexts(): string[];
  /**
   * The first inline script whose text contains `marker` (a cheap indexOf),
   * or null: for adapters that need one known script, without reading and
   * keeping every script of a large page.
   */
  scriptWith(marker: string): string | null;
  /** Content script only: false for elements the page injected after load, whose seller badges are not trusted. */
  trusted?: (el: Element) => boolean;
  /** Profiling only: told the time of each layer and adapter field (ms), in order. */
  onStep?: (name: string, ms: number) => void;
}

/**
 * One marketplace, one file (src/content/sites/<site>.ts), registered in
 * one line in src/content/sites/index.ts. An adapter reads only what its site shows; the
 * generic layers (JSON-LD, microdata, RDFa, OpenGraph, meta, heuristics) fill
 * whatever it leaves null.
 */
export interface SiteAdapter {
  id: MarketplaceId;
  /** True for every host (all country domains) the marketplace runs on. */
  matchesHost(host: string): boolean;
  /** Whether this page is a single listing (not search, home, cart). */
  isListing(ctx: ExtractContext): boolean;
  extract(ctx: ExtractContext): ListingPatch;
}
