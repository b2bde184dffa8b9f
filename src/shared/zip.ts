/**
 * Case bundles as ZIP archives, written and read with fflate. Entries are
 * stored (no compression, like every bundle Copycatch has written), names are
 * UTF-8, no ZIP64: each file and the whole archive stay under 4 GiB.
 *
 * Writing uses fflate's zipSync, which puts each file's CRC-32 and sizes in
 * its local header, the layout earlier bundles have. fflate's streaming
 * writer would avoid the one copy of the evidence the archive is, but it
 * writes stored files with a data descriptor after their bytes, which Java's
 * ZipInputStream (and readers built like it) refuse: see docs/case-workspace.md.
 *
 * Reading goes through fflate's central-directory reader with limits checked
 * before any byte is copied: stored entries only (a compressed entry is
 * refused, so nothing is ever inflated and no archive can expand beyond its
 * own size), no duplicate or unsafe names, at most MAX_ENTRIES entries, and
 * every entry the size the directory declares (a cut archive is an error, not
 * a shorter file). fflate does not check CRC-32 when reading; the case bundle
 * check compares SHA-256 hashes against the manifest instead (case-bundle.ts).
 */
import { type UnzipFileInfo, unzipSync, type Zippable, zipSync } from "fflate";

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

export class ZipError extends Error {
  override name = "ZipError";
}

/** More entries than any case bundle has (a few dozen at most); a directory claiming more is refused unread. */
export const MAX_ENTRIES = 10_000;
const MAX_U32 = 0xffffffff;

function checkName(name: string): void {
  if (
    !name ||
    name.startsWith("/") ||
    name.includes("\\") ||
    name.split("/").includes("..") ||
    name === "__proto__" ||
    name.includes("\0")
  ) {
    throw new ZipError(`unsafe entry name "${name}"`);
  }
}

/**
 * The DOS time fflate writes is read from a Date's local fields; bundles keep
 * the UTC time there so that their bytes do not depend on the machine's time
 * zone. Years outside DOS time (1980-2099) are clamped, as 1 January 1980 for
 * earlier dates.
 */
function dosStamp(date: Date): Date {
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 1980) return new Date(1980, 0, 1);
  if (year > 2099) return new Date(2099, 11, 31, 23, 59, 58);
  return new Date(
    year,
    date.getUTCMonth(),
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  );
}

/**
 * The archive, stored, files in the order given: local headers carry each
 * file's CRC-32 and sizes (no data descriptors), as every earlier bundle did.
 * Throws ZipError on unsafe or duplicate names and on archives too large
 * without ZIP64.
 */
export function writeZip(entries: ZipEntry[], modified: Date = new Date(0)): Uint8Array {
  const mtime = dosStamp(modified);
  const encoder = new TextEncoder();
  const files: Zippable = {};
  let total = 22; // end of central directory
  for (const entry of entries) {
    checkName(entry.name);
    if (Object.hasOwn(files, entry.name)) throw new ZipError(`duplicate entry "${entry.name}"`);
    // fflate takes the files as an object, whose keys that are array indices come first: refused, not reordered.
    if (/^(0|[1-9]\d*)$/.test(entry.name)) throw new ZipError(`entry name "${entry.name}" is a bare number`);
    // Local header, bytes, central directory record.
    total += 30 + entry.bytes.length + 46 + 2 * encoder.encode(entry.name).length;
    if (total > MAX_U32) throw new ZipError("archive too large (no ZIP64)");
    files[entry.name] = [entry.bytes, { level: 0, mtime }];
  }
  try {
    return zipSync(files);
  } catch (error) {
    throw new ZipError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Every entry of a stored archive, in central-directory order. Throws ZipError
 * with what is wrong: not a ZIP, a compressed, unsafe or duplicate entry, too
 * many entries, an entry larger than the archive or cut short.
 */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const listed: UnzipFileInfo[] = [];
  const seen = new Set<string>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(info) {
        if (listed.length >= MAX_ENTRIES) throw new ZipError(`more than ${MAX_ENTRIES} entries`);
        if (!info.name) throw new ZipError("bad central directory (an entry without a name)");
        checkName(info.name);
        if (seen.has(info.name)) throw new ZipError(`duplicate entry "${info.name}"`);
        seen.add(info.name);
        if (info.compression !== 0) throw new ZipError(`${info.name}: compressed entries are not supported`);
        if (info.size !== info.originalSize) {
          throw new ZipError(`${info.name}: stored entry with two sizes (${info.size} and ${info.originalSize})`);
        }
        if (info.size > bytes.length) {
          throw new ZipError(`${info.name}: declares ${info.size} bytes, more than the whole archive`);
        }
        listed.push(info);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ZipError) throw error;
    // fflate's own errors: no end of central directory, unreadable structure.
    const message = error instanceof Error ? error.message : String(error);
    throw new ZipError(/invalid zip data/.test(message) ? "not a ZIP file (no end of central directory)" : message);
  }
  return listed.map((info) => {
    const data = Object.hasOwn(files, info.name) ? files[info.name] : undefined;
    if (!data || data.length !== info.size) {
      throw new ZipError(`${info.name}: truncated (${data?.length ?? 0} of ${info.size} bytes)`);
    }
    return { name: info.name, bytes: data };
  });
}
