import type { PackProtocol } from "../../shared/messages/packs.ts";
import type { Handlers } from "./types.ts";

/** Rule-pack management handlers (issue #5). */
export const packHandlers: Handlers<keyof PackProtocol> = {};
