/**
 * An ExtractContext built outside the pipeline, for tests and tools that run
 * one adapter directly (so adapter tests do not depend on the whole pipeline).
 */

import { scriptReader } from "./script-text.ts";
import type { ExtractContext } from "./types.ts";

export interface ContextOptions {
  budgetMs?: number;
  now?: () => number;
}

export function makeContext(doc: Document, href: string, opts: ContextOptions = {}): ExtractContext {
  const now = opts.now ?? (() => performance.now());
  const deadline = now() + (opts.budgetMs ?? 1000);
  return {
    doc,
    url: new URL(href),
    overBudget: () => now() > deadline,
    ...scriptReader(doc, Number.POSITIVE_INFINITY),
  };
}
