/**
 * Rule-pack management handlers. Privileged: extension pages only,
 * never content scripts (a page must not be able to add a feed or a pack).
 */
import type { PackProtocol } from "../../shared/messages/packs.ts";
import { rulesOverview } from "../packs/overview.ts";
import { importPack, removePack, subscribe, unsubscribe } from "../packs/subscriptions.ts";
import { updateSubscription } from "../packs/update.ts";
import { getRules } from "../rules.ts";
import { BadRequest } from "./core.ts";
import type { Handlers } from "./types.ts";

const PAGES = ["extension-page"] as const;

function str(raw: Record<string, unknown>, key: string, max: number): string {
  const v = raw[key];
  if (typeof v !== "string" || v.length > max)
    throw new BadRequest(`${key}: expected a string of at most ${max} characters`);
  return v;
}

function bool(raw: Record<string, unknown>, key: string): boolean {
  if (typeof raw[key] !== "boolean") throw new BadRequest(`${key}: expected true or false`);
  return raw[key] as boolean;
}

function id(raw: Record<string, unknown>): string {
  return str(raw, "id", 200);
}

export const packHandlers: Handlers<keyof PackProtocol> = {
  "rules-overview": {
    from: PAGES,
    validate: () => ({ type: "rules-overview" }),
    handle: () => rulesOverview(),
  },
  "rules-health": {
    from: PAGES,
    validate: () => ({ type: "rules-health" }),
    handle: async () => ({ damaged: (await getRules()).damaged }),
  },
  subscribe: {
    from: PAGES,
    validate: (raw) => {
      const interval = raw.intervalMinutes;
      if (typeof interval !== "number" || !Number.isFinite(interval))
        throw new BadRequest("intervalMinutes: expected a number");
      const key = raw.publicKey;
      if (key !== null && (typeof key !== "string" || key.length > 10_000))
        throw new BadRequest("publicKey: expected text");
      return {
        type: "subscribe",
        url: str(raw, "url", 2000),
        intervalMinutes: interval,
        allowUnsigned: bool(raw, "allowUnsigned"),
        brandOwner: bool(raw, "brandOwner"),
        publicKey: key,
      };
    },
    handle: (request) => subscribe(request),
  },
  "update-subscription": {
    from: PAGES,
    validate: (raw) => ({ type: "update-subscription", id: id(raw) }),
    handle: (request) => updateSubscription(request.id),
  },
  unsubscribe: {
    from: PAGES,
    validate: (raw) => ({ type: "unsubscribe", id: id(raw) }),
    handle: async (request) => {
      await unsubscribe(request.id);
      return { ok: true };
    },
  },
  "import-pack": {
    from: PAGES,
    // The size limit proper (bytes) is checked by importPack before parsing; this only bounds the message.
    validate: (raw) => ({ type: "import-pack", text: str(raw, "text", 64 * 1024 * 1024) }),
    handle: (request) => importPack(request.text),
  },
  "remove-pack": {
    from: PAGES,
    validate: (raw) => ({ type: "remove-pack", id: id(raw) }),
    handle: async (request) => {
      await removePack(request.id);
      return { ok: true };
    },
  },
};
