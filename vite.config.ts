import { crx } from "@crxjs/vite-plugin";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import manifest from "./manifest.json" with { type: "json" };

/**
 * COPYCATCH_TEST_BUILD=1: the browser-test build, written to dist-test/. It
 * grants <all_urls> up front (Playwright cannot answer a permission prompt;
 * the release build asks for it when agent mode is switched on) and
 * shortens the webhook retry schedule (src/background/report/test-build.ts).
 */
const testBuild = process.env.COPYCATCH_TEST_BUILD === "1";
const builtManifest = testBuild ? { ...manifest, host_permissions: ["<all_urls>"] } : manifest;

export default defineConfig({
  plugins: [preact(), crx({ manifest: builtManifest })],
  define: { __COPYCATCH_TEST_BUILD__: JSON.stringify(testBuild) },
  build: {
    outDir: testBuild ? "dist-test" : "dist",
    emptyOutDir: true,
    // Extension code is loaded from disk: no point minifying away readable stack traces.
    minify: false,
    sourcemap: false,
    target: "chrome116",
    // Extension pages the manifest does not name: the case workspace (opened from the popup and the options page).
    rolldownOptions: { input: { workspace: "src/workspace/index.html" } },
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});
