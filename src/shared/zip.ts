/**
 * Case bundles as ZIP archives. Entries are stored (no compression, like every
 * bundle Copycatch has written), names are UTF-8, no ZIP64: each file and the
 * whole archive stay under 4 GiB.
 *
 * Writing puts each file's CRC-32 and sizes in its local header (no data
 * descriptor), byte for byte what fflate's zipSync writes and the layout of
 * earlier bundles. The archive comes as parts (`zipParts`): headers, each
 * file's own bytes (not copied), the central directory, so an export can
 * encode it without ever holding the evidence twice. fflate's streaming writer
 * is not used: it writes stored files with a data descriptor after their
 * bytes, which Java's ZipInputStream (and readers built like it) refuse (see
 * docs/case-workspace.md).
 *
 * Reading goes through fflate's central-directory reader with limits checked
 * before any byte is copied: stored entries only (a compressed entry is
 * refused, so nothing is ever inflated and no archive can expand beyond its
 * own size), no duplicate or unsafe names, at most MAX_ENTRIES entries, and
 * every entry the size the directory declares (a cut archive is an error, not
 * a shorter file). fflate does not check CRC-32 when reading: each entry's
 * CRC-32 in the central directory and in its local header is compared with
 * its bytes here, and a mismatch is reported with the entry (`crcOk`), for the
 * caller to say what differs (case-bundle.ts).
 */
import { type UnzipFileInfo, unzipSync } from "fflate";

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

/** An entry read from an archive: its bytes, and whether its recorded CRC-32 matches them. */
export interface ReadEntry extends ZipEntry {
  crcOk: boolean;
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

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (the ZIP and PNG polynomial) of the bytes. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = (CRC_TABLE[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * The DOS date and time of the case in UTC, so that a bundle's bytes do not
 * depend on the machine's time zone. Years outside DOS time (1980-2099) are
 * clamped, as 1 January 1980 for earlier dates.
 */
function dosTime(date: Date): number {
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 1980) return (1 << 21) | (1 << 16);
  if (year > 2099) return ((2099 - 1980) << 25) | (12 << 21) | (31 << 16) | (23 << 11) | (59 << 5) | (58 >> 1);
  return (
    ((year - 1980) << 25) |
    ((date.getUTCMonth() + 1) << 21) |
    (date.getUTCDate() << 16) |
    (date.getUTCHours() << 11) |
    (date.getUTCMinutes() << 5) |
    (date.getUTCSeconds() >> 1)
  );
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_RECORD = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
/** General purpose flag bit 11: the name is UTF-8 (set, as fflate does, only for names that are not ASCII). */
const UTF8_NAME = 0x0800;

/** The fields a local header and a central record share, from "version needed" to the extra field's length. */
function common(
  view: DataView,
  at: number,
  flags: number,
  time: number,
  crc: number,
  size: number,
  nameLength: number,
) {
  view.setUint16(at, 20, true); // version needed: 2.0
  view.setUint16(at + 2, flags, true);
  view.setUint16(at + 4, 0, true); // stored
  view.setUint32(at + 6, time, true);
  view.setUint32(at + 10, crc, true);
  view.setUint32(at + 14, size, true); // compressed size: stored
  view.setUint32(at + 18, size, true);
  view.setUint16(at + 22, nameLength, true);
  view.setUint16(at + 24, 0, true); // no extra field
}

/**
 * The archive, stored, files in the order given, as parts to concatenate:
 * each file's local header (with its CRC-32 and sizes: no data descriptor),
 * the file's own bytes (the same array, not a copy), then the central
 * directory and its end record. Throws ZipError on unsafe or duplicate names
 * and on archives too large without ZIP64.
 */
export function zipParts(entries: ZipEntry[], modified: Date = new Date(0)): Uint8Array[] {
  const time = dosTime(modified);
  const encoder = new TextEncoder();
  const seen = new Set<string>();
  const records: { name: Uint8Array; flags: number; crc: number; size: number; offset: number }[] = [];
  const parts: Uint8Array[] = [];
  let offset = 0;
  let directory = 0;
  for (const entry of entries) {
    checkName(entry.name);
    if (seen.has(entry.name)) throw new ZipError(`duplicate entry "${entry.name}"`);
    seen.add(entry.name);
    const name = encoder.encode(entry.name);
    if (name.length > 0xffff) throw new ZipError(`entry name "${entry.name.slice(0, 40)}…" is too long`);
    directory += 46 + name.length;
    // Local header, bytes, central directory record, end of central directory.
    if (offset + 30 + name.length + entry.bytes.length + directory + 22 > MAX_U32) {
      throw new ZipError("archive too large (no ZIP64)");
    }
    const flags = name.length === entry.name.length ? 0 : UTF8_NAME;
    const record = { name, flags, crc: crc32(entry.bytes), size: entry.bytes.length, offset };
    const header = new Uint8Array(30 + name.length);
    const view = new DataView(header.buffer);
    view.setUint32(0, LOCAL_HEADER, true);
    common(view, 4, flags, time, record.crc, record.size, name.length);
    header.set(name, 30);
    parts.push(header, entry.bytes);
    records.push(record);
    offset += header.length + entry.bytes.length;
  }
  const tail = new Uint8Array(directory + 22);
  const view = new DataView(tail.buffer);
  let at = 0;
  for (const r of records) {
    view.setUint32(at, CENTRAL_RECORD, true);
    view.setUint16(at + 4, 20, true); // made by: 2.0, MS-DOS attributes (none)
    common(view, at + 6, r.flags, time, r.crc, r.size, r.name.length);
    // Comment length, disk, internal and external attributes: zero.
    view.setUint32(at + 42, r.offset, true);
    tail.set(r.name, at + 46);
    at += 46 + r.name.length;
  }
  view.setUint32(at, END_OF_DIRECTORY, true);
  view.setUint16(at + 8, records.length, true);
  view.setUint16(at + 10, records.length, true);
  view.setUint32(at + 12, directory, true);
  view.setUint32(at + 16, offset, true);
  parts.push(tail);
  return parts;
}

/** The archive of `zipParts` as one array. */
export function writeZip(entries: ZipEntry[], modified: Date = new Date(0)): Uint8Array {
  return joinParts(zipParts(entries, modified));
}

/** Parts (of `zipParts`) joined into one array: the one copy an in-memory reader needs. */
export function joinParts(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Each central-directory record's CRC-32 and local header offset, in directory
 * order (fflate's reader does not give them); empty when there is no end
 * record, which fflate then reports.
 */
function directoryCrcs(bytes: Uint8Array): { crc: number; local: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return [];
  const out: { crc: number; local: number }[] = [];
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let n = 0; n < count && at + 46 <= bytes.length && view.getUint32(at, true) === CENTRAL_RECORD; n++) {
    out.push({ crc: view.getUint32(at + 16, true), local: view.getUint32(at + 42, true) });
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** Whether an entry's bytes match the CRC-32 its central record gives, and its local header's when it has one. */
function crcMatches(bytes: Uint8Array, recorded: { crc: number; local: number } | undefined, data: Uint8Array) {
  if (!recorded) return false;
  const actual = crc32(data);
  if (actual !== recorded.crc) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (recorded.local + 30 > bytes.length || view.getUint32(recorded.local, true) !== LOCAL_HEADER) return false;
  // Bit 3: CRC and sizes are in a data descriptor after the bytes, the local header's fields are zero.
  const described = (view.getUint16(recorded.local + 6, true) & 0x08) !== 0;
  return described || view.getUint32(recorded.local + 14, true) === actual;
}

/**
 * Every entry of a stored archive, in central-directory order, each with
 * whether its CRC-32 matches (a mismatch is reported, not thrown: the caller
 * says what differs). Throws ZipError with what is wrong: not a ZIP, a
 * compressed, unsafe or duplicate entry, too many entries, an entry larger
 * than the archive or cut short.
 */
export function readZip(bytes: Uint8Array): ReadEntry[] {
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
  const crcs = directoryCrcs(bytes);
  return listed.map((info, i) => {
    const data = Object.hasOwn(files, info.name) ? files[info.name] : undefined;
    if (!data || data.length !== info.size) {
      throw new ZipError(`${info.name}: truncated (${data?.length ?? 0} of ${info.size} bytes)`);
    }
    return { name: info.name, bytes: data, crcOk: crcMatches(bytes, crcs[i], data) };
  });
}
