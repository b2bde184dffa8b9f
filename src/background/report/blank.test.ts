import { describe, expect, it } from "vitest";
import { shootUntilDrawn, uniformPixels } from "./blank.ts";

describe("a screenshot of one flat colour", () => {
  it("is uniform when every pixel is the same colour, and not when one pixel differs", () => {
    const white = new Uint8ClampedArray(4 * 100).fill(255);
    expect(uniformPixels(white)).toBe(true);
    const dot = white.slice();
    dot[4 * 57 + 1] = 0;
    expect(uniformPixels(dot)).toBe(false);
    const alpha = white.slice();
    alpha[4 * 99 + 3] = 0;
    expect(uniformPixels(alpha)).toBe(false);
  });
});

describe("shooting until the tab has drawn itself", () => {
  const blank = new Uint8Array([1]);
  const drawn = new Uint8Array([2]);
  const isBlank = async (png: Uint8Array) => png[0] === 1;

  it("waits for paint before each shot and shoots again while the picture is blank", async () => {
    const log: string[] = [];
    const shots = [blank, blank, drawn];
    const png = await shootUntilDrawn(
      3,
      async (n) => {
        log.push(`wait ${n}`);
      },
      async () => {
        log.push("shoot");
        return shots.shift() ?? blank;
      },
      isBlank,
    );
    expect(png).toBe(drawn);
    expect(log).toEqual(["wait 1", "shoot", "wait 2", "shoot", "wait 3", "shoot"]);
  });

  /** A shot that always gives `png`, counting how often it was taken. */
  const counted = (png: Uint8Array) => {
    const c = {
      calls: 0,
      shoot: async () => {
        c.calls++;
        return png;
      },
    };
    return c;
  };

  it("keeps the last picture of a page that stays blank, and stops at the first drawn one", async () => {
    const stays = counted(blank);
    expect(await shootUntilDrawn(3, async () => {}, stays.shoot, isBlank)).toBe(blank);
    expect(stays.calls).toBe(3);
    const first = counted(drawn);
    expect(await shootUntilDrawn(3, async () => {}, first.shoot, isBlank)).toBe(drawn);
    expect(first.calls).toBe(1);
  });

  it("a picture the browser cannot judge is kept", async () => {
    const png = await shootUntilDrawn(
      3,
      async () => {},
      async () => drawn,
      async () => Promise.reject(new Error("no decoder")),
    );
    expect(png).toBe(drawn);
  });
});
