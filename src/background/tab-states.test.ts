import { describe, expect, it, vi } from "vitest";

vi.mock("webextension-polyfill", () => ({ default: { storage: {} } }));
const { restrictSessionStorage } = await import("./tab-states.ts");

describe("restrictSessionStorage", () => {
  it("sets storage.session to trusted contexts only, explicitly", async () => {
    const setAccessLevel = vi.fn(async () => undefined);
    expect(await restrictSessionStorage({ setAccessLevel })).toBe(true);
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: "TRUSTED_CONTEXTS" });
  });
  it("reads chrome.storage.session by default, and says so where the API is missing (Firefox)", async () => {
    const setAccessLevel = vi.fn(async () => undefined);
    vi.stubGlobal("chrome", { storage: { session: { setAccessLevel } } });
    expect(await restrictSessionStorage()).toBe(true);
    expect(setAccessLevel).toHaveBeenCalledOnce();
    vi.stubGlobal("chrome", { storage: { session: {} } });
    expect(await restrictSessionStorage()).toBe(false);
    vi.unstubAllGlobals();
  });
});
