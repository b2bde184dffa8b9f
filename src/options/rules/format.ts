/** Dates as people read them, in the UI's language; "never" / "—" for missing ones. */
import { t, ui } from "../../shared/i18n.ts";
import { errorText } from "../../shared/said.ts";

export function when(iso: string | null, empty = "—"): string {
  if (!iso) return empty;
  return ui().dateTime(iso);
}

export function interval(minutes: number): string {
  if (minutes === 24 * 60) return t("interval_daily");
  if (minutes === 60) return t("interval_hourly");
  if (minutes % (24 * 60) === 0) return t("interval_days", { n: minutes / (24 * 60) });
  if (minutes % 60 === 0) return t("interval_hours", { n: minutes / 60 });
  return t("interval_minutes", { n: minutes });
}

export function message(error: unknown): string {
  return errorText(error);
}
