import { describe, expect, it } from "vitest";
import { registryCheck } from "./lib/registry-check.ts";
import { projectInputs } from "./lib/registry-inputs.ts";

describe("the marketplace registry agrees with the manifest, the adapters and the portal tables", () => {
  it("holds for the project as it is", () => {
    expect(registryCheck(projectInputs())).toEqual([]);
  });

  it("fails when a content-script match is missing, extra, or goes to another adapter", () => {
    const input = projectInputs();
    const matches = input.manifestMatches.filter((m) => m !== "https://*.ebay.de/*");
    matches.push("https://*.temu.de/*");
    const problems = registryCheck({ ...input, manifestMatches: matches });
    expect(problems).toContain("manifest content-script match: https://*.ebay.de/* is in the registry but missing");
    expect(problems).toContain("manifest content-script match: https://*.temu.de/* is not in the registry");
  });

  it("fails when an adapter is missing or takes another marketplace's host", () => {
    const input = projectInputs();
    const withoutEtsy = input.adapters.filter((a) => a.id !== "etsy");
    expect(registryCheck({ ...input, adapters: withoutEtsy })).toContain(
      "site adapter: etsy is in the registry but missing",
    );
    const greedy = { id: "temu", matchesHost: (h: string) => h.endsWith("temu.com") || h.endsWith("dhgate.com") };
    const swapped = [...input.adapters.filter((a) => a.id !== "temu"), greedy];
    expect(registryCheck({ ...input, adapters: swapped }).join("\n")).toMatch(/host www\.dhgate\.com: adapters .*temu/);
  });

  it("fails when a portal table disagrees", () => {
    const input = projectInputs();
    const ebay = input.portals["ebay-vero"];
    if (!ebay) throw new Error("no ebay-vero portal");
    const portals = {
      ...input.portals,
      "ebay-vero": { ...ebay, shopperUrl: "{origin}/help/counterfeit-items-policy" },
    };
    expect(registryCheck({ ...input, portals }).join("\n")).toMatch(/portal table ebay-vero: shopper URL/);
    const portalOf = { ...input.portalOf, temu: "generic" };
    expect(registryCheck({ ...input, portalOf })).toContain("portal table: temu goes to generic, registry says temu");
  });

  it("fails when a portal fact has neither a source nor the unverified mark", () => {
    const input = projectInputs();
    const portals = input.registry.portals.map((p) =>
      p.id === "walmart" ? { ...p, agent: { ...p.agent, url: { value: "https://brandportal.walmart.com/" } } } : p,
    );
    const registry = { ...input.registry, portals } as typeof input.registry;
    expect(registryCheck({ ...input, registry })).toContain("walmart.agent.url: no source and not marked unverified");
  });
});
