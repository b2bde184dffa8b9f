/**
 * Rule feeds end to end: a real local feed server, the release
 * build (no host permission granted: the feed allows CORS), the options page
 * and listings whose verdicts follow the active packs.
 */
import { writeFileSync } from "node:fs";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { OptionsPage } from "./pages/options-page.ts";
import { FeedServer } from "./support/feed-server.ts";
import { openOptionsForLongTest } from "./support/long-test.ts";
import {
  brand,
  generatedBrands,
  listingPage,
  makePack,
  newPublisher,
  type Publisher,
  packBytes,
} from "./support/packs.ts";

const PACK_ID = "e2e.brand";
/**
 * An update fetches, verifies and compiles the pack with the default pack in slices while verdicts go on: at load
 * 10 or more it has taken over 10 s. "Updating…" is shown meanwhile; the wait catches a hang, not slowness.
 */
const UPDATE_WAIT = { timeout: 30_000 };
const V1 = makePack(PACK_ID, 1, [brand("zorblax", "Zorblax")]);
const V2 = makePack(PACK_ID, 2, [brand("zorblax", "Zorblax"), brand("quillfeather", "Quillfeather")]);

let feed: FeedServer;
let publisher: Publisher;

test.beforeEach(async ({ context }) => {
  await serveListings(context);
  feed = await FeedServer.start();
  publisher = await newPublisher();
});

test.afterEach(async () => {
  await feed.close();
});

async function publish(pack: typeof V1): Promise<void> {
  const bytes = packBytes(pack);
  feed.publish(bytes, await publisher.sign(bytes));
}

let listingCounter = 0;
const titles = new WeakMap<BrowserContext, Map<string, string>>();

/**
 * Serves eBay listings with the titles given to openListing. One route per
 * context, registered while the worker runs: adding a route later would also
 * have to reach a stopped service worker, and hangs.
 */
async function serveListings(context: BrowserContext): Promise<Map<string, string>> {
  let map = titles.get(context);
  if (!map) {
    const served = new Map<string, string>();
    map = served;
    titles.set(context, served);
    await context.route("https://www.ebay.com/itm/**", (route) =>
      route.fulfill({
        status: 200,
        contentType: "text/html; charset=utf-8",
        body: listingPage(served.get(route.request().url()) ?? "Nothing here"),
      }),
    );
  }
  return map;
}

/** Opens an eBay listing with this title (a fresh URL each time). */
async function openListing(context: BrowserContext, title: string): Promise<{ page: Page; url: string }> {
  listingCounter++;
  const url = `https://www.ebay.com/itm/${100000000 + listingCounter}`;
  (await serveListings(context)).set(url, title);
  const page = await context.newPage();
  await page.goto(url);
  return { page, url };
}

/** The brand of the verdict the worker gave the listing at `url`, once there is one. */
async function verdictBrand(options: OptionsPage, url: string): Promise<string | null> {
  let verdict: Awaited<ReturnType<OptionsPage["verdictFor"]>> = null;
  await expect
    .poll(async () => {
      verdict = await options.verdictFor(url);
      return verdict !== null;
    })
    .toBe(true);
  return (verdict as { brand: string | null } | null)?.brand ?? null;
}

async function subscribeV1(options: OptionsPage): Promise<void> {
  await publish(V1);
  await options.subscribe({ url: feed.url(), publicKey: publisher.publicPem, brandOwner: true });
  await expect(options.subscriptionStatus(feed.url())).toHaveText(`Up to date — ${PACK_ID} version 1`, UPDATE_WAIT);
}

test("subscribe to a signed feed, update it, and the verdicts follow", async ({ context, extensionId, sw }) => {
  const options = await OptionsPage.open(context, extensionId);
  await subscribeV1(options);
  await expect(options.packVersion(PACK_ID)).toHaveText("1");
  await expect(options.packRow(PACK_ID)).toContainText("Brand's own (signed)");
  await expect(options.subscription(feed.url()).locator(".rules-fingerprint")).toHaveText(
    /^([0-9A-F]{4} ){15}[0-9A-F]{4}$/,
  );

  const zorblax = await openListing(context, "Zorblax leather handbag replica 1:1");
  expect(await verdictBrand(options, zorblax.url)).toBe("Zorblax");
  const quill = await openListing(context, "Quillfeather leather handbag replica 1:1");
  expect(await verdictBrand(options, quill.url)).toBeNull();

  await publish(V2);
  await options.updateNow(feed.url());
  await expect(options.subscriptionStatus(feed.url())).toHaveText(`Up to date — ${PACK_ID} version 2`, UPDATE_WAIT);
  await expect(options.packVersion(PACK_ID)).toHaveText("2");
  // The second request was conditional on the first response's ETag.
  const [first, second] = feed.packRequests();
  expect(second?.ifNoneMatch).not.toBeNull();
  expect(second?.ifNoneMatch).not.toBe(first?.ifNoneMatch ?? "");

  const quill2 = await openListing(context, "Quillfeather leather handbag replica 1:1");
  expect(await verdictBrand(options, quill2.url)).toBe("Quillfeather");

  // Nothing new: the feed answers 304 and the pack stays.
  await options.updateNow(feed.url());
  await expect(options.rulesNotice).toContainText("up to date (version 2)");
  expect(feed.packRequests().at(-1)?.status).toBe(304);
  expect(sw.errors).toEqual([]);
});

test("failed updates keep the old pack and say what went wrong", async ({ context, extensionId }) => {
  const options = await OptionsPage.open(context, extensionId);
  await options.setFeedFetchPolicy({ timeoutMs: 1500, retries: 0, retryBaseMs: 50 });
  await subscribeV1(options);
  await publish(V2);
  const failures: [mode: FeedServer["mode"], message: RegExp, advice: RegExp][] = [
    ["500", /the server answered 500 \(server error\)/, /retries automatically/],
    ["hold", /did not answer within 1.5 s/, /retries automatically/],
    ["oversized-declared", /larger than the 20 MB limit/, /Tell the feed's publisher/],
    ["oversized-stream", /larger than the 20 MB limit/, /Tell the feed's publisher/],
    ["bad-signature", /signature does not match the pinned key/, /remove this subscription and add it again/],
    ["drop", /Could not reach/, /retries automatically/],
  ];
  for (const [mode, message, advice] of failures) {
    feed.mode = mode;
    await options.updateNow(feed.url());
    const error = options.subscriptionError(feed.url());
    await expect(error.locator(".rules-error-message"), mode).toHaveText(message);
    await expect(error.locator(".rules-error-advice"), mode).toHaveText(advice);
    await expect(options.subscriptionStatus(feed.url()), mode).toHaveText(`Last update failed — ${PACK_ID} version 1`);
    await expect(options.packVersion(PACK_ID), mode).toHaveText("1");
    feed.release();
  }
  // Still the old rules: Quillfeather is unknown.
  const quill = await openListing(context, "Quillfeather leather handbag replica 1:1");
  expect(await verdictBrand(options, quill.url)).toBeNull();

  feed.mode = "ok";
  await options.updateNow(feed.url());
  await expect(options.subscriptionStatus(feed.url())).toHaveText(`Up to date — ${PACK_ID} version 2`, UPDATE_WAIT);
  await expect(options.subscriptionError(feed.url())).toHaveCount(0);
  const quill2 = await openListing(context, "Quillfeather leather handbag replica 1:1");
  expect(await verdictBrand(options, quill2.url)).toBe("Quillfeather");
});

test("a worker stopped in the middle of an update recovers, with one consistent pack", async ({
  context,
  extensionId,
  sw,
}) => {
  const options = await OptionsPage.open(context, extensionId);
  await subscribeV1(options);
  await publish(V2);
  feed.mode = "hold";
  await options.updateNow(feed.url());
  await expect.poll(() => feed.packRequests().length).toBe(2);
  await expect(options.subscriptionStatus(feed.url())).toHaveText(/Updating…/);
  const before = (await options.rulesOverview()).workerStartedAt;

  await sw.stop(options.page);
  feed.mode = "ok";
  feed.release(); // too late: the worker that asked is gone

  // A new worker starts (the options page asks it), clears the dead check and retries by itself.
  await options.reload();
  await expect
    .poll(async () => (await options.rulesOverview()).subscriptions[0]?.status, { timeout: 30_000 })
    .toBe("ok");
  const overview = await options.rulesOverview();
  expect(overview.workerStartedAt, "a new worker").not.toBe(before);
  const sub = overview.subscriptions[0];
  const pack = overview.packs.find((p) => p.id === PACK_ID);
  expect(sub?.packVersion).toBe(2);
  expect(pack?.version).toBe(sub?.packVersion);
  expect(sub?.leaseUntil).toBeNull();
  await options.reload();
  await expect(options.packVersion(PACK_ID)).toHaveText("2");
  const quill = await openListing(context, "Quillfeather leather handbag replica 1:1");
  expect(await verdictBrand(options, quill.url)).toBe("Quillfeather");
});

test("import a pack file, then remove it", async ({ context, extensionId }) => {
  const options = await OptionsPage.open(context, extensionId);
  const file = test.info().outputPath("community.json");
  writeFileSync(file, packBytes(makePack("community.list", 3, [brand("quillfeather", "Quillfeather")])));
  await options.importPackFile(file);
  await expect(options.rulesNotice).toContainText("Imported Test pack community.list version 3 (brands: 1)");
  await expect(options.packRow("community.list")).toContainText("Community");
  const quill = await openListing(context, "Quillfeather leather handbag replica 1:1");
  expect(await verdictBrand(options, quill.url)).toBe("Quillfeather");

  writeFileSync(file, '{"format": 1, "id": "broken"}');
  await options.importPackFile(file);
  await expect(options.rulesNotice).toHaveAttribute("role", "alert");
  await expect(options.rulesNotice).toContainText("version: expected a non-negative integer");

  await options
    .packRow("community.list")
    .getByRole("button", { name: /Remove/ })
    .click();
  await expect(options.packRow("community.list")).toHaveCount(0);
});

test("cold start to first verdict, with the default pack and with 10,000 brands", async ({
  context,
  extensionId,
  sw,
}) => {
  const options = await openOptionsForLongTest(context, extensionId);
  await options.rulesOverview();

  const coldVerdict = async (title: string) => {
    const before = (await options.rulesOverview()).workerStartedAt;
    await sw.stop(options.page);
    const t0 = Date.now();
    const listing = await openListing(context, title);
    const brandName = await verdictBrand(options, listing.url);
    const wallMs = Date.now() - t0;
    const { lastLoad, workerStartedAt, firstListingWaitMs } = await options.rulesOverview();
    expect(workerStartedAt, "a new worker").not.toBe(before);
    // The marketplace page starting to load woke the worker and started the read: the listing found it under way.
    expect(lastLoad?.trigger).toBe("page-loading");
    return { brandName, wallMs, lastLoad, waitMs: firstListingWaitMs };
  };

  const def = await coldVerdict("Rolex Submariner watch replica 1:1");
  expect(def.lastLoad?.from).toBe("compiled-cache");
  console.log(
    `[cold start] default pack: rules loaded in ${def.lastLoad?.ms.toFixed(1)} ms (IndexedDB read ${def.lastLoad?.readMs.toFixed(1)} ms; ${def.lastLoad?.sinceWorkerStartMs.toFixed(0)} ms after the worker started); page open to verdict ${def.wallMs} ms; the listing waited ${def.waitMs?.toFixed(1)} ms for the rules`,
  );

  const brands = generatedBrands(10_000);
  const big = makePack("e2e.generated", 1, brands);
  const bytes = packBytes(big);
  feed.publish(bytes, null);
  await options.subscribe({ url: feed.url(), allowUnsigned: true });
  await expect(options.subscriptionStatus(feed.url())).toHaveText("Up to date — e2e.generated version 1", {
    timeout: 60_000,
  });
  await expect(options.packRow("e2e.generated").locator('td[data-col="brands"]')).toHaveText("10,000");

  const target = brands[7777]?.name ?? "";
  const gen = await coldVerdict(`${target} leather handbag replica 1:1`);
  expect(gen.brandName).toBe(target);
  expect(gen.lastLoad?.from).toBe("compiled-cache");
  console.log(
    `[cold start] default + 10,000-brand pack (${(bytes.length / 1024 / 1024).toFixed(1)} MB): rules loaded in ${gen.lastLoad?.ms.toFixed(1)} ms (IndexedDB read ${gen.lastLoad?.readMs.toFixed(1)} ms; ${gen.lastLoad?.sinceWorkerStartMs.toFixed(0)} ms after the worker started); page open to verdict ${gen.wallMs} ms; the listing waited ${gen.waitMs?.toFixed(1)} ms for the rules`,
  );
  expect(sw.errors).toEqual([]);
});
