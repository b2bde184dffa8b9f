/**
 * `npm run -s portals -- [--json | --check]`: the marketplace registry.
 * Without options, one line per portal (URL, verified or not, limits);
 * --json prints the registry itself; --check runs the registry check
 * (manifest matches, adapters, portal tables) and exits 1 on a disagreement.
 */
import { isVerified, REGISTRY } from "../src/shared/marketplaces.ts";
import { isCommand } from "../src/shared/run-as-command.node.ts";
import { registryCheck } from "./lib/registry-check.ts";
import { projectInputs } from "./lib/registry-inputs.ts";

export function portalLines(): string[] {
  return REGISTRY.portals.map((p) => {
    const limits = p.fields
      .filter((f) => f.maxLength !== null)
      .map((f) => `${f.key}≤${f.maxLength?.value}`)
      .join(" ");
    const listings = p.limits.listings ? ` listings≤${p.limits.listings.value}` : "";
    const verified = isVerified(p.agent.url) ? "source" : "UNVERIFIED";
    return `${p.id}\t${p.agent.url.value ?? "(none)"}\t${verified}\t${limits || "no known limits"}${listings}`;
  });
}

export function main(argv: string[]): number {
  const args = argv.filter((a) => a !== "--");
  if (args.includes("--json")) {
    console.log(JSON.stringify(REGISTRY, null, 2));
    return 0;
  }
  if (args.includes("--check")) {
    const problems = registryCheck(projectInputs());
    for (const p of problems) console.error(p);
    if (problems.length === 0) console.log("registry: ok");
    return problems.length === 0 ? 0 : 1;
  }
  if (args.length > 0) {
    console.error("usage: portals [--json | --check]");
    return 2;
  }
  for (const line of portalLines()) console.log(line);
  return 0;
}

if (isCommand(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
