/**
 * A small disk for a browser profile: Chromium sizes an origin's storage quota from the disk that holds the
 * profile, so a profile on a 64 MB tmpfs gets a quota a test can fill in seconds. Mounting needs root (CI and
 * the development machines run as root); anywhere else this throws with the reason, and the test fails.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface SmallDisk {
  dir: string;
  unmount(): void;
}

export function mountSmallDisk(megabytes: number): SmallDisk {
  if (process.getuid?.() !== 0) {
    throw new Error(
      "The storage-full test mounts a small tmpfs for the browser profile and needs root; run it as root.",
    );
  }
  const dir = mkdtempSync(join(tmpdir(), "copycatch-small-disk-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${megabytes}m`, "tmpfs", dir], { stdio: "pipe" });
  } catch (error) {
    rmdirSync(dir);
    const why = (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);
    throw new Error(`Could not mount a ${megabytes} MB tmpfs for the browser profile at ${dir}: ${why}`);
  }
  return {
    dir,
    unmount() {
      execFileSync("umount", [dir], { stdio: "pipe" });
      rmdirSync(dir);
    },
  };
}
