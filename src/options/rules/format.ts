/** Dates as people read them, in their locale; "never" / "—" for missing ones. */
import { errorMessage } from "../../shared/error-message.ts";
export function when(iso: string | null, empty = "—"): string {
  if (!iso) return empty;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

export function interval(minutes: number): string {
  if (minutes % (24 * 60) === 0) return minutes === 24 * 60 ? "daily" : `every ${minutes / (24 * 60)} days`;
  if (minutes % 60 === 0) return minutes === 60 ? "hourly" : `every ${minutes / 60} hours`;
  return `every ${minutes} minutes`;
}

export function message(error: unknown): string {
  return errorMessage(error);
}
