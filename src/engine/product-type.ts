/**
 * The kinds of item a title names (src/shared/product-types.json), as the
 * engine reads them: a pattern per word, owned by its type's index. The type
 * picks the brand's price floor for that kind of item; without one, its factor
 * scales the brand-wide floor (a jacket is never the brand's cheapest item).
 * Changing the vocabulary changes pattern owners: bump COMPILED_FORMAT_VERSION.
 */
import { PRODUCT_TYPE_IDS, PRODUCT_TYPES } from "../shared/product-types.ts";

/** [word, type index] for every word of every type. */
export const PRODUCT_TYPE_WORDS: readonly (readonly [string, number])[] = PRODUCT_TYPES.flatMap((t, ti) =>
  t.words.map((w) => [w, ti] as const),
);

export function typeFactor(type: number): number {
  return PRODUCT_TYPES[type]?.factor ?? 1;
}

export function typeName(type: number): string {
  return PRODUCT_TYPE_IDS[type] ?? "";
}

export function typeIndex(id: string): number {
  return PRODUCT_TYPE_IDS.indexOf(id);
}

/** An ordinary line of a mass-market brand: its brand-wide floor is no evidence for it (product-types.json "basic"). */
export function isBasic(type: number): boolean {
  return PRODUCT_TYPES[type]?.basic === true;
}
