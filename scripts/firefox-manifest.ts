/**
 * The Firefox manifest, derived from the one manifest.json: Manifest V3 with
 * an event page (`background.scripts`) instead of a service worker, the gecko
 * id and minimum version, and the data-collection declaration
 * addons.mozilla.org asks of new extensions (Copycatch collects nothing: the
 * reports a user files go where the user sends them). Permissions Firefox
 * does not implement are dropped rather than left for it to warn about:
 * `pageCapture` (no MHTML in Firefox; the report keeps its reason as a capture
 * error). Used by vite.config.ts and checked by its test.
 */
export const GECKO_ID = "copycatch@copycatch.dev";
/** storage.session, MV3 event pages with module scripts and data_collection_permissions (desktop and Android) are all there by 142. */
export const GECKO_MIN_VERSION = "142.0";
const UNSUPPORTED_PERMISSIONS = new Set(["pageCapture"]);

interface ChromeManifest {
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  permissions?: string[];
  minimum_chrome_version?: string;
  [key: string]: unknown;
}

/** The same manifest type out as in (the build plugin's), with the Firefox keys in place of Chrome's. */
export function firefoxManifest<M extends ChromeManifest>(manifest: M): M {
  const { minimum_chrome_version: _chromeOnly, background, permissions, ...rest } = manifest;
  if (!background?.service_worker) throw new Error("manifest.json has no background.service_worker");
  const rewritten: ChromeManifest = {
    ...rest,
    background: { scripts: [background.service_worker], type: background.type ?? "module" },
    permissions: (permissions ?? []).filter((p) => !UNSUPPORTED_PERMISSIONS.has(p)),
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: GECKO_MIN_VERSION,
        data_collection_permissions: { required: ["none"] },
      },
    },
  };
  return rewritten as M;
}
