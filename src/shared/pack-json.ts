/**
 * JSON parsing in slices, for packs too large to parse in one call without
 * holding up the service worker (a 20 MB pack takes JSON.parse about half a
 * second on a slow machine). @streamparser/json is fed BLOCK characters per
 * unit of work (shared/slices.ts); bytes are decoded as UTF-8 (fatal) a block
 * at a time on the way. The result equals JSON.parse's, "__proto__" keys
 * included (kept as own properties, never as prototypes).
 */
import { JSONParser } from "@streamparser/json";
import { BLOCK, driveSteps, runSteps, Slicer, type Steps } from "./slices.ts";

/**
 * Units one BLOCK of JSON text costs: the streaming parser builds values character by character, several times
 * the cost of a native copy of the same block (measured with bench/compile-slices.ts at the pack limit).
 */
export const PARSE_UNITS = 4;

export class JsonTextError extends SyntaxError {
  override name = "JsonTextError";
}

/** Parses `input` (text, or UTF-8 bytes) a BLOCK per unit of work; a syntax or encoding error is a JsonTextError. */
export function* parseJsonSteps(input: string | Uint8Array, work: Slicer): Steps<unknown> {
  const parser = new JSONParser({ paths: ["$"], keepStack: false });
  let result: { value: unknown } | null = null;
  parser.onValue = ({ value, stack }) => {
    if (stack.length === 0) result = { value };
  };
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const length = input.length;
  try {
    for (let i = 0; i < length; i += BLOCK) {
      const end = Math.min(length, i + BLOCK);
      const chunk =
        typeof input === "string"
          ? input.slice(i, end)
          : decoder.decode(input.subarray(i, end), { stream: end < length });
      if (parser.isEnded) {
        // Only whitespace may follow the value.
        if (chunk.trim() !== "") throw new JsonTextError("unexpected text after the JSON value");
      } else parser.write(chunk);
      if (work.tick(PARSE_UNITS)) yield work.take();
    }
    if (!parser.isEnded) parser.end();
  } catch (error) {
    if (error instanceof JsonTextError) throw error;
    throw new JsonTextError(error instanceof Error ? error.message : String(error));
  }
  const done = result as { value: unknown } | null;
  if (done === null) throw new JsonTextError("no JSON value");
  return done.value;
}

export function parseJson(input: string | Uint8Array): unknown {
  return runSteps(parseJsonSteps(input, new Slicer()));
}

export function parseJsonAsync(input: string | Uint8Array, pause: () => Promise<void>): Promise<unknown> {
  return driveSteps(parseJsonSteps(input, new Slicer()), pause);
}
