/** The message of anything thrown: an Error's message, else its string form (one helper for every catch). */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
