/**
 * normalize(text): the folded form the matcher sees, with the map back to the
 * original offsets. For tests, the CLI and debugging; `score` uses the fused
 * scanner directly (same folding, no intermediate string).
 */
import { newScan, origEnd, scanText } from "./scan.ts";

export interface Normalized {
  /** Folded text: NFKC-like, case-folded, no diacritics, no invisible characters, look-alikes folded to Latin. */
  text: string;
  /** For each UTF-16 unit of `text`, the offset of the original character it came from. */
  starts: number[];
  /** For each UTF-16 unit of `text`, the end offset of that original character. */
  ends: number[];
}

const NO_ANCHORS = new Uint8Array(65536);

export function normalize(text: string): Normalized {
  const s = newScan(text.length + 8);
  scanText(text, s, NO_ANCHORS, 0);
  const starts: number[] = [];
  const ends: number[] = [];
  let out = "";
  for (let k = 0; k < s.n; k++) {
    out += String.fromCharCode(s.fb[k] as number);
    starts.push(s.fm[k] as number);
    ends.push(origEnd(s, k));
  }
  return { text: out, starts, ends };
}
