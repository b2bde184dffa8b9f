/**
 * A screenshot taken before the tab has drawn itself is one flat colour (a
 * white page). The capture checks for that and shoots again, so a case does not
 * keep an empty picture as its evidence.
 */

/** Every pixel of the RGBA data has the same colour. */
export function uniformPixels(rgba: ArrayLike<number>): boolean {
  for (let i = 4; i + 3 < rgba.length; i += 4) {
    if (rgba[i] !== rgba[0] || rgba[i + 1] !== rgba[1] || rgba[i + 2] !== rgba[2] || rgba[i + 3] !== rgba[3])
      return false;
  }
  return true;
}

/** The PNG shows one flat colour. False where the browser cannot decode images here (nothing to judge by). */
export async function blankImage(png: Uint8Array): Promise<boolean> {
  if (typeof createImageBitmap !== "function" || typeof OffscreenCanvas !== "function") return false;
  const bitmap = await createImageBitmap(new Blob([png as Uint8Array<ArrayBuffer>], { type: "image/png" }));
  // Scaled down, any text or picture on the page still leaves pixels of other colours.
  const width = Math.max(1, Math.min(bitmap.width, 96));
  const height = Math.max(1, Math.min(bitmap.height, 96));
  try {
    const ctx = new OffscreenCanvas(width, height).getContext("2d");
    if (!ctx) return false;
    ctx.drawImage(bitmap, 0, 0, width, height);
    return uniformPixels(ctx.getImageData(0, 0, width, height).data);
  } finally {
    bitmap.close();
  }
}

/**
 * Waits for the tab to draw, shoots, and shoots again while the picture is one flat colour, at most `attempts`
 * times; the last picture is kept if the page really is blank.
 */
export async function shootUntilDrawn(
  attempts: number,
  waitForPaint: (attempt: number) => Promise<void>,
  shoot: () => Promise<Uint8Array>,
  isBlank: (png: Uint8Array) => Promise<boolean> = blankImage,
): Promise<Uint8Array> {
  let png: Uint8Array = new Uint8Array();
  for (let attempt = 1; attempt <= attempts; attempt++) {
    await waitForPaint(attempt);
    png = await shoot();
    if (!(await isBlank(png).catch(() => false))) break;
  }
  return png;
}
