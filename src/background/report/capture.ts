/**
 * Capturing the page: the visible tab as PNG (tabs.captureVisibleTab: needs
 * activeTab from the user's click or the <all_urls> host permission) and the
 * page as MHTML (pageCapture). Each capture fails alone: its reason is kept
 * and the case is saved without it.
 */
import browser from "webextension-polyfill";
import type { ArtefactFile } from "../../shared/case-manifest.ts";
import { base64Decode } from "../../shared/hash.ts";
import { english, failureSaid, type Said, SaidError, said, saidOf } from "../../shared/said.ts";
import { shootUntilDrawn } from "./blank.ts";

const CAPTURE_TIMEOUT_MS = 20_000;

function withTimeout<T>(timeout: Said, promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new SaidError(timeout)), CAPTURE_TIMEOUT_MS);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

const PAINT_WAIT_MS = 3_000;
const SCREENSHOT_ATTEMPTS = 3;

/**
 * Resolves once the tab has drawn frames while shown: animation frames run
 * only in a visible tab, so two of them mean the page is on screen. A page
 * that cannot be scripted, or a frame that never comes, falls back to a pause.
 */
async function painted(tabId: number, attempt: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pause = new Promise<void>((r) => {
    timer = setTimeout(r, PAINT_WAIT_MS);
  });
  const frames = browser.scripting
    .executeScript({
      target: { tabId },
      func: () =>
        new Promise<boolean>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(document.visibilityState === "visible"))),
        ),
    })
    .then(
      () => undefined,
      () => new Promise<void>((r) => setTimeout(r, 300 * attempt)),
    );
  await Promise.race([frames, pause]);
  clearTimeout(timer);
}

/**
 * captureVisibleTab shoots the window's active tab: make ours active first, wait until it has painted, then check
 * it still is. A picture of one flat colour was taken before the page drew itself: shoot again (the last one is
 * kept if the page really is blank).
 */
async function screenshot(tabId: number): Promise<Uint8Array> {
  const tab = await browser.tabs.get(tabId);
  if (tab.windowId === undefined) throw new SaidError(said("capture_screenshot_no_window"));
  if (!tab.active) await browser.tabs.update(tabId, { active: true });
  return shootUntilDrawn(
    SCREENSHOT_ATTEMPTS,
    (attempt) => painted(tabId, attempt),
    async () => {
      const dataUrl = await browser.tabs.captureVisibleTab(tab.windowId, { format: "png" });
      const [active] = await browser.tabs.query({ active: true, windowId: tab.windowId });
      if (active?.id !== tabId) throw new SaidError(said("capture_screenshot_tab_changed"));
      const comma = dataUrl.indexOf(",");
      if (!dataUrl.startsWith("data:image/png;base64,") || comma < 0)
        throw new SaidError(said("capture_screenshot_not_png"));
      return base64Decode(dataUrl.slice(comma + 1));
    },
  );
}

/** pageCapture has no promise form in the polyfill; chrome's callback form works in every Chromium we support. */
function mhtml(tabId: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    if (!chrome.pageCapture) {
      // Firefox has no pageCapture API at all; in Chromium its absence means the permission was removed.
      const firefox = browser.runtime.getURL("").startsWith("moz-extension:");
      reject(
        new SaidError(
          firefox
            ? said("capture_mhtml_unsupported")
            : said("capture_mhtml_no_permission", { permission: "pageCapture" }),
        ),
      );
      return;
    }
    chrome.pageCapture.saveAsMHTML({ tabId }, (blob) => {
      const error = chrome.runtime.lastError;
      if (error || !blob) reject(new Error(error?.message ?? "no MHTML returned"));
      else blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), reject);
    });
  });
}

/**
 * Chromium sometimes loses the temporary file behind the MHTML blob before it
 * is read ("A requested file or directory could not be found"): try again a
 * few times before recording the capture as failed.
 */
async function retrying<T>(attempts: number, run: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 250 * i));
    }
  }
}

export interface Captured {
  files: ArtefactFile[];
  /** Captures that failed, in English (kept with the case as evidence). */
  errors: string[];
  /** The same failures as keys and params, for the pages. */
  said: Said[];
}

export async function capturePage(tabId: number): Promise<Captured> {
  const files: ArtefactFile[] = [];
  const told: Said[] = [];
  const seconds = CAPTURE_TIMEOUT_MS / 1000;
  /** A capture's own failure, or the browser's message worded by its kind inside the capture's sentence. */
  const failed = (error: unknown, other: (reason: Said) => Said) => {
    told.push(saidOf(error) ?? other(failureSaid(error)));
  };
  try {
    files.push({
      name: "screenshot.png",
      kind: "screenshot",
      mime: "image/png",
      bytes: await withTimeout(said("capture_screenshot_timeout", { seconds }), screenshot(tabId)),
    });
  } catch (error) {
    failed(error, (reason) => said("capture_screenshot_failed", { reason }));
  }
  try {
    files.push({
      name: "page.mhtml",
      kind: "mhtml",
      mime: "multipart/related",
      bytes: await withTimeout(
        said("capture_mhtml_timeout", { seconds }),
        retrying(3, () => mhtml(tabId)),
      ),
    });
  } catch (error) {
    failed(error, (reason) => said("capture_mhtml_failed", { reason }));
  }
  return { files, errors: told.map(english), said: told };
}
