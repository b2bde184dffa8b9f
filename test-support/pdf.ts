/** Reading a printed PDF back with poppler-utils: its pages as images (pdftoppm) and its text (pdftotext). */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Share of non-white pixels of a binary PPM (P6) image, which is what pdftoppm writes by default. */
export function inkShare(ppm: Buffer): number {
  const header = ppm.toString("latin1", 0, 64).match(/^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error("not a P6 image");
  const [, w, h] = header.map(Number) as [number, number, number];
  const pixels = ppm.subarray(header[0].length);
  let ink = 0;
  for (let i = 0; i + 2 < pixels.length; i += 3) {
    if ((pixels[i] as number) + (pixels[i + 1] as number) + (pixels[i + 2] as number) < 600) ink++;
  }
  return ink / (w * h);
}

/** Each page rendered at `dpi`, as its share of ink (0 blank, 1 black), in page order. */
export function pageInk(pdfPath: string, dpi = 40): number[] {
  const dir = mkdtempSync(join(tmpdir(), "pdf-pages-"));
  try {
    execFileSync("pdftoppm", ["-r", String(dpi), pdfPath, join(dir, "page")]);
    return readdirSync(dir)
      .filter((f) => f.endsWith(".ppm"))
      .sort()
      .map((f) => inkShare(readFileSync(join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text, whitespace collapsed. */
export function pdfText(pdfPath: string): string {
  return execFileSync("pdftotext", ["-layout", pdfPath, "-"]).toString("utf8").replace(/\s+/g, " ");
}
