import { describe, expect, it } from "vitest";
import manifest from "../manifest.json" with { type: "json" };
import { firefoxManifest, GECKO_ID } from "./firefox-manifest.ts";

describe("firefoxManifest", () => {
  const ff = firefoxManifest(manifest) as typeof manifest & {
    background: { scripts: string[]; type: string };
    browser_specific_settings: {
      gecko: { id: string; strict_min_version: string; data_collection_permissions: unknown };
    };
  };

  it("runs the same background code as an event page", () => {
    expect(ff.background).toEqual({ scripts: [manifest.background.service_worker], type: "module" });
    expect(ff).not.toHaveProperty("minimum_chrome_version");
  });

  it("declares the gecko id, a minimum version and that no data is collected", () => {
    expect(ff.browser_specific_settings.gecko).toEqual({
      id: GECKO_ID,
      strict_min_version: expect.stringMatching(/^\d+\.0$/),
      data_collection_permissions: { required: ["none"] },
    });
  });

  it("keeps the permissions story: the same content-script matches and optional hosts, minus what Firefox lacks", () => {
    expect(ff.content_scripts).toEqual(manifest.content_scripts);
    expect(ff.optional_host_permissions).toEqual(manifest.optional_host_permissions);
    expect(ff).not.toHaveProperty("host_permissions");
    expect(ff.permissions).toEqual(manifest.permissions.filter((p) => p !== "pageCapture"));
  });

  it("refuses a manifest without a background worker", () => {
    expect(() => firefoxManifest({ permissions: [] })).toThrow(/service_worker/);
  });
});
