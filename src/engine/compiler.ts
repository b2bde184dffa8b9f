/**
 * The rule compiler's entry: rule packs in, a compiled matcher out (flat typed
 * arrays, see layout.ts), ready to score with or to serialise and cache under
 * COMPILED_FORMAT_VERSION. Kept apart from the scoring entry (index.ts).
 */
export { COMPILE_SLICE, compile, compileAsync } from "./compile.ts";
export { COMPILED_FORMAT_VERSION, type CompiledMatcher } from "./layout.ts";
export { serialize, serializeSteps } from "./serialize.ts";
