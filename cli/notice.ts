/**
 * `npm run -s notice -- --portal ID [--profile PROFILE.json] [--where product,text] [--test-buy ORDER]... CASE.zip...`:
 * the notice for one portal, written from exported case bundles, as JSON
 * (the portal's fields, the URL to open, warnings, and errors that would
 * make the portal refuse it). Several bundles make one notice where the
 * portal takes several listings. Exit 0 ready, 3 written but not ready
 * (errors), 1 a bundle is unreadable or tampered, 2 usage.
 */
import { readFileSync } from "node:fs";
import { type InfringementPlace, validateDetails } from "../src/shared/case-details.ts";
import { REGISTRY } from "../src/shared/marketplaces.ts";
import { type Notice, type NoticeCase, writeNotice } from "../src/shared/notices/index.ts";
import { emptyProfile, type RightsHolderProfile, validateProfile } from "../src/shared/profile.ts";
import { isCommand } from "../src/shared/run-as-command.node.ts";
import { caseFromBundle } from "./lib/case-from-bundle.ts";

export interface NoticeArgs {
  portal: string;
  profile: RightsHolderProfile;
  where: InfringementPlace[] | null;
  testBuys: string[];
  files: string[];
}

const USAGE =
  "usage: notice --portal ID [--profile PROFILE.json] [--where product,packaging,images,text] [--test-buy ORDER]... CASE.zip...";

export function parseArgs(argv: string[]): NoticeArgs | string {
  const args = argv.filter((a) => a !== "--");
  let portal = "";
  let profile = emptyProfile();
  let where: InfringementPlace[] | null = null;
  const testBuys: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const next = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === "--portal") portal = next();
      else if (a === "--profile") profile = validateProfile(JSON.parse(readFileSync(next(), "utf8")));
      else if (a === "--where") where = validateDetails({ where: next().split(",").filter(Boolean) }).where;
      else if (a === "--test-buy") testBuys.push(next());
      else if (a.startsWith("--")) return `unknown option ${a}\n${USAGE}`;
      else files.push(a);
    } catch (error) {
      return `${a}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  if (!portal || files.length === 0) return USAGE;
  if (!REGISTRY.portals.some((p) => p.id === portal)) {
    return `unknown portal ${portal}; one of ${REGISTRY.portals.map((p) => p.id).join(", ")}`;
  }
  return { portal, profile, where, testBuys, files };
}

/** The notice for the cases, with the command's overrides of where and test buys. */
export function noticeForCases(args: Omit<NoticeArgs, "files">, cases: NoticeCase[]): Notice {
  const withDetails = cases.map((c) => {
    const details = c.details ?? { where: [], testBuyOrders: [] };
    return {
      ...c,
      details: {
        where: args.where ?? details.where,
        testBuyOrders: [...new Set([...details.testBuyOrders, ...args.testBuys])],
      },
    };
  });
  const [first, ...more] = withDetails;
  if (!first) throw new Error("no case");
  return writeNotice(args.portal, { case: first, profile: args.profile, ...(more.length > 0 ? { more } : {}) });
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    console.error(args);
    return 2;
  }
  const cases: NoticeCase[] = [];
  for (const file of args.files) {
    try {
      cases.push(await caseFromBundle(new Uint8Array(readFileSync(file))));
    } catch (error) {
      console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  }
  const notice = noticeForCases(args, cases);
  console.log(JSON.stringify({ cases: cases.map((c) => c.caseId), ...notice }, null, 2));
  return notice.errors.length > 0 ? 3 : 0;
}

if (isCommand(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
