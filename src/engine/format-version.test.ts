/**
 * The word lists the compiler turns into patterns (fits, dupe phrases, negators, quantities, kinds of item, look-alike
 * letters, the accessory and negation windows, the typo stopwords a glued name must not be, how the scanner classes
 * each script and the shortest name of a script written without spaces), the data it compiles into columns (the usual full sizes, the groups of items a brand's categories sell) and the
 * columns themselves (FIELDS), and the compiler's own rules (COMPILER_REVISION), are part of the compiled form: a cached form compiled from other lists would read
 * listings with the old ones. Their digest is recorded for each COMPILED_FORMAT_VERSION in
 * data/compiled-inputs.json, so a change of a list without a new format version fails here.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PRODUCT_GROUPS } from "../shared/product-types.ts";
import { COMPILER_REVISION, SEA_NAME_MIN } from "./compile.ts";
import RECORDED from "./data/compiled-inputs.json";
import CONFUSABLES from "./data/confusables.json";
import SIZES from "./data/standard-sizes.json";
import { classify } from "./fold.ts";
import { COMPILED_FORMAT_VERSION, FIELDS } from "./layout.ts";
import * as lexicon from "./lexicon.ts";
import { ENGINE_TYPO_STOPWORDS } from "./obfuscation.ts";
import { PRODUCT_TYPE_WORDS } from "./product-type.ts";
import { ACCESSORY_WORDS, NEGATION_WORDS } from "./weights.ts";

/** How the scanner classes every code point of the Basic Multilingual Plane: which scripts are matched as words. */
function scriptClasses(): string {
  const classes = new Uint8Array(0x10000);
  for (let cp = 0; cp < 0x10000; cp++) classes[cp] = classify(cp);
  return createHash("sha256").update(classes).digest("hex");
}

function compiledInputsDigest(): string {
  const inputs = [
    lexicon.BULK_WORDS,
    lexicon.DUPE_AFTER,
    lexicon.DUPE_BEFORE,
    lexicon.FIT_WORDS,
    lexicon.NEGATORS_AFTER,
    lexicon.NEGATORS_BEFORE,
    lexicon.QUANTITY_UNITS,
    PRODUCT_TYPE_WORDS,
    CONFUSABLES,
    SIZES.categories,
    PRODUCT_GROUPS,
    FIELDS,
    ACCESSORY_WORDS,
    NEGATION_WORDS,
    [...ENGINE_TYPO_STOPWORDS].sort(),
    scriptClasses(),
    SEA_NAME_MIN,
    COMPILER_REVISION,
  ];
  return createHash("sha256").update(JSON.stringify(inputs)).digest("hex");
}

describe("compiled format version", () => {
  it("names the word lists it was compiled from: a changed list needs a new COMPILED_FORMAT_VERSION", () => {
    const recorded = (RECORDED.versions as Record<string, string>)[String(COMPILED_FORMAT_VERSION)];
    expect(recorded, `record ${compiledInputsDigest()} for format ${COMPILED_FORMAT_VERSION}`).toBe(
      compiledInputsDigest(),
    );
    // Each format records one digest, and no two formats the same lists.
    const digests = Object.values(RECORDED.versions as Record<string, string>);
    expect(new Set(digests).size).toBe(digests.length);
  });
});
