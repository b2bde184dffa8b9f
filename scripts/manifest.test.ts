/**
 * The release manifest, pinned: a new permission, host access, web-accessible
 * resource, external connection or a loosened content-security policy must be
 * a deliberate change of this test, never a side effect.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, "..", "manifest.json"), "utf8"));

describe("manifest.json (release build)", () => {
  it("asks only for the permissions it uses, and no host access up front", () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(["storage", "alarms", "activeTab", "scripting", "pageCapture"]);
    expect(manifest.host_permissions).toBeUndefined();
    // Granted per feed or webhook origin at the user's request ("Check this page" uses activeTab).
    expect(manifest.optional_host_permissions).toEqual(["<all_urls>"]);
  });
  it("exposes no file to pages, accepts no external connection, keeps the default CSP", () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined();
  });
  it("runs the content script in top frames of https marketplace pages only", () => {
    const [script, ...others] = manifest.content_scripts;
    expect(others).toEqual([]);
    expect(script.all_frames).toBe(false);
    expect(script.js).toEqual(["src/content/main.iife.ts"]);
    for (const match of script.matches) expect(match, match).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\.[a-z.]+\/\*$/);
    expect(script.matches).not.toContain("<all_urls>");
  });
});
