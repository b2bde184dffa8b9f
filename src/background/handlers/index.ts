import type { MessageType } from "../../shared/messages/index.ts";
import { caseHandlers } from "./cases.ts";
import { coreHandlers } from "./core.ts";
import { packHandlers } from "./packs.ts";
import { reportHandlers } from "./reports.ts";
import type { Handlers } from "./types.ts";

/** The one handler map, keyed by message type; the compiler checks every type has a handler. */
export const HANDLERS: Handlers<MessageType> = { ...coreHandlers, ...packHandlers, ...reportHandlers, ...caseHandlers };
