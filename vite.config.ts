import { crx } from "@crxjs/vite-plugin";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import manifest from "./manifest.json" with { type: "json" };
import { firefoxManifest } from "./scripts/firefox-manifest.ts";

/**
 * COPYCATCH_TEST_BUILD=1: the browser-test build, written to dist-test/. It
 * grants <all_urls> up front (Playwright cannot answer a permission prompt;
 * the release build asks for it when agent mode is switched on) and
 * shortens the webhook retry schedule (src/background/report/test-build.ts).
 *
 * COPYCATCH_BROWSER=firefox: the Firefox build, written to dist-firefox/
 * (dist-firefox-test/ with the test flag): the same code and permissions
 * story, with the manifest rewritten by scripts/firefox-manifest.ts.
 */
const testBuild = process.env.COPYCATCH_TEST_BUILD === "1";
const firefox = process.env.COPYCATCH_BROWSER === "firefox";
const withTestGrants = testBuild ? { ...manifest, host_permissions: ["<all_urls>"] } : manifest;
const builtManifest = firefox ? firefoxManifest(withTestGrants) : withTestGrants;
const outDir = `dist${firefox ? "-firefox" : ""}${testBuild ? "-test" : ""}`;

export default defineConfig({
  plugins: [preact(), crx({ manifest: builtManifest, browser: firefox ? "firefox" : "chrome" })],
  define: { __COPYCATCH_TEST_BUILD__: JSON.stringify(testBuild) },
  build: {
    outDir,
    emptyOutDir: true,
    // Extension code is loaded from disk: no point minifying away readable stack traces.
    minify: false,
    sourcemap: false,
    target: firefox ? "firefox128" : "chrome116",
    // Extension pages the manifest does not name: the case workspace (opened from the popup and the options page).
    rolldownOptions: { input: { workspace: "src/workspace/index.html" } },
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});
