/**
 * The scoring engine's public API (issue #4). Pure TypeScript: no browser API,
 * no I/O, no clock; the same code runs in the service worker, the CLI, tests
 * and benchmarks.
 */
export { COMPILE_SLICE, compile, compileAsync } from "./compile.ts";
export { COMPILED_FORMAT_VERSION, type CompiledMatcher } from "./layout.ts";
export { type Normalized, normalize } from "./normalize.ts";
export { ENGINE_VERSION, score } from "./score.ts";
export { deserialize, serialize } from "./serialize.ts";
