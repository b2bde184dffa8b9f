import type { ReportProtocol } from "../../shared/messages/reports.ts";
import type { Handlers } from "./types.ts";

/** Report and case handlers (issue #6). */
export const reportHandlers: Handlers<keyof ReportProtocol> = {};
