/**
 * The registry check: everything that names a marketplace outside the
 * registry (the manifest's content-script matches, the site adapters, the
 * portal tables, the notice writers, the marketplace ids) must agree with
 * the registry (src/shared/marketplaces.json and portals.json). Run by cli/registry-check.test.ts and
 * `npm run -s portals -- --check`.
 */

import { onDomain } from "../../src/shared/marketplace-sites.ts";
import { contentScriptMatches, type Registry, registryProblems } from "../../src/shared/marketplaces.ts";
import type { ReportPortal } from "../../src/shared/report-portals.ts";

export interface CheckInput {
  registry: Registry;
  /** content_scripts[].matches of manifest.json. */
  manifestMatches: string[];
  adapters: readonly { id: string; matchesHost(host: string): boolean }[];
  portals: Record<string, ReportPortal>;
  portalOf: Record<string, string>;
  marketplaceIds: readonly string[];
  writers: Record<string, unknown>;
}

function sameSet(what: string, want: Iterable<string>, got: Iterable<string>): string[] {
  const w = new Set(want);
  const g = new Set(got);
  return [
    ...[...w].filter((x) => !g.has(x)).map((x) => `${what}: ${x} is in the registry but missing`),
    ...[...g].filter((x) => !w.has(x)).map((x) => `${what}: ${x} is not in the registry`),
  ];
}

/** A host a match pattern covers: "https://*.amazon.com/*" → "www.amazon.com". */
function sampleHost(pattern: string): string | null {
  const host = pattern.match(/^https:\/\/([^/]+)\/\*$/)?.[1];
  return host ? host.replace(/^\*\./, "www.") : null;
}

export function registryCheck(input: CheckInput): string[] {
  const { registry: reg } = input;
  const out = registryProblems(reg);
  out.push(...sameSet("manifest content-script match", contentScriptMatches(reg), input.manifestMatches));
  for (const pattern of input.manifestMatches) {
    const host = sampleHost(pattern);
    if (host === null) {
      out.push(`manifest content-script match ${pattern}: not of the form https://HOST/*`);
      continue;
    }
    const owner = reg.marketplaces.find((m) => m.hosts.some((h) => onDomain(host, h.domain)));
    const adapter = input.adapters.find((a) => a.matchesHost(host));
    if (owner && adapter?.id !== owner.adapter) {
      out.push(
        `manifest match ${pattern}: ${host} goes to adapter ${adapter?.id ?? "(none)"}, registry says ${owner.adapter}`,
      );
    }
  }
  out.push(
    ...sameSet(
      "site adapter",
      reg.marketplaces.map((m) => m.adapter),
      input.adapters.map((a) => a.id),
    ),
  );
  for (const m of reg.marketplaces) {
    for (const h of m.hosts) {
      for (const host of (h.subdomains ?? ["www"]).map((s) => `${s}.${h.domain}`)) {
        const takers = input.adapters.filter((a) => a.matchesHost(host)).map((a) => a.id);
        if (takers.length !== 1 || takers[0] !== m.adapter) {
          out.push(`host ${host}: adapters ${takers.join(", ") || "(none)"} take it, registry says ${m.adapter}`);
        }
      }
    }
  }
  out.push(...sameSet("marketplace id", [...reg.marketplaces.map((m) => m.id), "generic"], input.marketplaceIds));
  out.push(
    ...sameSet(
      "portal table",
      reg.portals.map((p) => p.id),
      Object.keys(input.portals),
    ),
  );
  out.push(
    ...sameSet(
      "notice writer",
      reg.portals.map((p) => p.id),
      Object.keys(input.writers),
    ),
  );
  for (const p of reg.portals) {
    const table = input.portals[p.id];
    if (!table) continue;
    if (table.agentUrl !== p.agent.url.value)
      out.push(`portal table ${p.id}: agent URL ${table.agentUrl} ≠ ${p.agent.url.value}`);
    if (table.shopperUrl !== p.shopper.url.value) {
      out.push(`portal table ${p.id}: shopper URL ${table.shopperUrl} ≠ ${p.shopper.url.value}`);
    }
    if (table.name !== p.name) out.push(`portal table ${p.id}: name ${table.name} ≠ ${p.name}`);
  }
  for (const m of reg.marketplaces) {
    if (input.portalOf[m.id] !== m.portals.agent) {
      out.push(`portal table: ${m.id} goes to ${input.portalOf[m.id]}, registry says ${m.portals.agent}`);
    }
  }
  return out;
}
