/**
 * The scoring engine's entry: everything needed to load a compiled matcher and
 * score listings with it. Pure TypeScript: no browser API, no I/O, no clock;
 * the same code runs in the service worker, the CLI, tests and benchmarks.
 * Nothing reachable from here imports the rule compiler (compiler.ts, its own
 * entry): `npm run lint` checks it, so a bundle that only scores leaves the
 * compiler out.
 */
export { COMPILED_FORMAT_VERSION, type CompiledMatcher } from "./layout.ts";
export { type Normalized, normalize } from "./normalize.ts";
export { ENGINE_VERSION, score } from "./score.ts";
export { deserialize, serialize } from "./serialize.ts";
