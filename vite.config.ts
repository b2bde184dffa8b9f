import { crx } from "@crxjs/vite-plugin";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import manifest from "./manifest.json" with { type: "json" };

export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Extension code is loaded from disk: no point minifying away readable stack traces.
    minify: false,
    sourcemap: false,
    target: "chrome116",
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});
