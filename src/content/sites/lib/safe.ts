/**
 * Field-by-field extraction that never throws: one broken field (a page
 * variant we have not seen) must not cost the others. Fields run in order and
 * stop once the time budget is spent, with a "partial" warning.
 */

import { errorMessage } from "../../../shared/error-message.ts";
import type { ExtractContext, ListingPatch } from "../../base/types.ts";

type Thunks = { [K in keyof ListingPatch]?: () => ListingPatch[K] };

export function extractFields(site: string, ctx: ExtractContext, thunks: Thunks): ListingPatch {
  const out: Record<string, unknown> = {};
  const warnings: string[] = [];
  for (const [key, fn] of Object.entries(thunks) as [keyof ListingPatch, (() => unknown) | undefined][]) {
    if (!fn) continue;
    if (ctx.overBudget()) {
      warnings.push(`partial: ${site} adapter ran out of time before ${String(key)}`);
      break;
    }
    const t0 = ctx.onStep ? performance.now() : 0;
    try {
      const v = fn();
      if (v !== undefined) out[key] = v;
    } catch (e) {
      warnings.push(`${site} adapter: ${String(key)} failed (${errorMessage(e)})`);
    }
    ctx.onStep?.(`${site}.${String(key)}`, performance.now() - t0);
  }
  if (warnings.length) out.warnings = warnings;
  return out as ListingPatch;
}

/** A predicate that answers false instead of throwing. */
export function safely(fn: () => boolean): boolean {
  try {
    return fn();
  } catch {
    return false;
  }
}
