/**
 * Whether a module is the command Node was started with, not a module another one (or a test) imported: the
 * CLIs and scripts run their `main` only then.
 */
import { pathToFileURL } from "node:url";

/** The module at `url` (its `import.meta.url`) is the entry point Node was started with. */
export function isCommand(url: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && url === pathToFileURL(entry).href;
}
