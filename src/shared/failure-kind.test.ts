/**
 * The browser's and a runtime's own error text, classified into kinds we word
 * in every language, the text itself kept as an isolated detail.
 *
 * Where the texts come from:
 * - failure-samples.json: what Chromium 156 and Firefox ESR 153 gave a page's fetch for each failure, as they are
 *   (collected by scripts/collect-failure-texts.ts against loopback servers). Both browsers give one message for a
 *   refused connection, an unknown host, a refused certificate and a refused redirect.
 * - Node's fetch: run here against a closed port and an unknown host (its cause names the reason).
 * - The capture texts: Chromium's wording as it ships in /usr/lib/chromium/chromium 156 (its tabs API joins
 *   "Failed to capture tab: " and the reason, "view is invisible"), and Firefox's from its ext-tabs.js and
 *   ext-tabs-base.js (browser/omni.ja of Firefox ESR 153).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { localeCatalog } from "../../test-support/catalogs.ts";
import { type FailureKind, failureKind, failureText } from "./failure-kind.ts";
import SAMPLES from "./failure-samples.json" with { type: "json" };
import TEXTS from "./failure-texts.json" with { type: "json" };
import { english, errorText, failureSaid, httpSaid, SaidError, said, sayText } from "./said.ts";

const FSI = "\u2068";
const PDI = "\u2069";
const es = localeCatalog("es");
const ar = localeCatalog("ar");
const ja = localeCatalog("ja");

/** An error as the page received it: a TypeError, or a DOMException of that name. */
function thrown({ name, message }: { name: string; message: string }): unknown {
  return name === "TypeError" ? new TypeError(message) : new DOMException(message, name);
}

/** What each collected failure is, as the browsers' text can tell it. */
const EXPECTED: Record<keyof typeof SAMPLES.chromium.errors, FailureKind> = {
  connectionRefused: "network",
  unknownHost: "network",
  badCertificate: "network",
  redirectRefused: "network",
  aborted: "aborted",
  timedOut: "timeout",
};

describe("the browsers' fetch errors, as Chromium and Firefox give them", () => {
  for (const browser of ["chromium", "firefox"] as const) {
    const { version, errors } = SAMPLES[browser];
    for (const [what, error] of Object.entries(errors)) {
      it(`${version}: ${what} (${error.name}: "${error.message}")`, () => {
        expect(failureKind(thrown(error))).toBe(EXPECTED[what as keyof typeof EXPECTED]);
        expect(failureText(thrown(error))).toBe(error.message.trim());
      });
    }
  }

  it("words Chromium's 'Failed to fetch' in Spanish, Arabic and Japanese, the browser's text isolated after ours", () => {
    const error = thrown(SAMPLES.chromium.errors.connectionRefused);
    expect(english(failureSaid(error))).toBe(
      "the server could not be reached (no network, a wrong address, or a connection or certificate the browser refused) (original message: Failed to fetch)",
    );
    expect(sayText(failureSaid(error), es)).toBe(
      `no se pudo contactar con el servidor (sin conexión, dirección incorrecta, o una conexión o un certificado que el navegador rechazó) (mensaje original: ${FSI}Failed to fetch${PDI})`,
    );
    expect(sayText(failureSaid(error), ar)).toBe(
      `تعذّر الوصول إلى الخادم (لا يوجد اتصال بالشبكة، أو العنوان خاطئ، أو رفض المتصفح الاتصال أو الشهادة) (الرسالة الأصلية: ${FSI}Failed to fetch${PDI})`,
    );
    const timeout = thrown(SAMPLES.firefox.errors.timedOut);
    expect(sayText(failureSaid(timeout), ja)).toBe(
      `サーバーが時間内に応答しませんでした（元のメッセージ：${FSI}The operation timed out.${PDI}）`,
    );
  });
});

describe("Node's fetch names the cause", () => {
  it("a closed port is a refused connection, its cause kept in the detail", async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((r) => probe.close(() => r()));
    const error = await fetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(failureKind(error)).toBe("refused");
    expect(failureText(error)).toMatch(/^fetch failed \(.*ECONNREFUSED/);
    expect(sayText(failureSaid(error), es)).toMatch(
      /^el servidor rechazó la conexión \(mensaje original: \u2068fetch failed/,
    );
  });

  it("an unknown host name is a DNS failure", async () => {
    const error = await fetch("http://copycatch-no-such-host.invalid/").catch((e: unknown) => e);
    expect(failureKind(error)).toBe("dns");
  });
});

describe("texts that name their cause (Chromium's net:: and Firefox's NS_ names, Node's codes)", () => {
  it.each([
    ["net::ERR_CONNECTION_REFUSED", "refused"],
    ["net::ERR_NAME_NOT_RESOLVED", "dns"],
    ["NS_ERROR_UNKNOWN_HOST", "dns"],
    ["net::ERR_CERT_AUTHORITY_INVALID", "tls"],
    ["net::ERR_CERT_DATE_INVALID", "tls"],
    ["SEC_ERROR_UNKNOWN_ISSUER", "tls"],
    ["certificate has expired (CERT_HAS_EXPIRED)", "tls"],
    ["net::ERR_TOO_MANY_REDIRECTS", "redirect"],
    ["net::ERR_TIMED_OUT", "timeout"],
    ["net::ERR_INTERNET_DISCONNECTED", "network"],
    ["net::ERR_ABORTED", "aborted"],
  ] as const)("%s → %s", (text, kind) => {
    expect(failureKind(new Error(text))).toBe(kind);
  });
});

describe("the browsers' capture errors", () => {
  it.each([
    // Chromium: tabs.captureVisibleTab without activeTab or <all_urls>, and without access to the page.
    ["Either the '<all_urls>' or 'activeTab' permission is required.", "capture_permission"],
    [
      "Cannot access contents of the page. Extension manifest must request permission to access the respective host.",
      "capture_permission",
    ],
    // Firefox: captureVisibleTab without either.
    ["Missing activeTab permission", "capture_permission"],
    // Chromium: pageCapture.saveAsMHTML without the permission or access.
    ["Don't have permissions required to capture this page.", "capture_permission"],
    // Chromium: a tab in a minimised or hidden window; Firefox: a tab with no size.
    ["Failed to capture tab: view is invisible", "capture_hidden"],
    ["Cannot capture invisible tab", "capture_hidden"],
    // Chromium: pages no extension may capture.
    ["Cannot access a chrome:// URL", "capture_restricted"],
    ["The extensions gallery cannot be scripted.", "capture_restricted"],
    ["Taking screenshots has been disabled", "capture_disabled"],
    ["Tab navigated before capture could complete.", "capture_navigated"],
    ["This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.", "capture_too_often"],
  ] as const)("%s → %s", (text, kind) => {
    expect(failureKind(new Error(text))).toBe(kind);
  });

  it("a capture refused for want of activeTab reads in Spanish with Chromium's sentence isolated inside ours", () => {
    const error = new Error("Either the '<all_urls>' or 'activeTab' permission is required.");
    const told = said("capture_screenshot_failed", { reason: failureSaid(error) });
    expect(sayText(told, es)).toBe(
      `No se tomó la captura de pantalla: el navegador no lo permitió: Copycatch solo puede capturar una pestaña justo después de que hagas clic en su botón, o con acceso a todos los sitios (mensaje original: ${FSI}Either the '<all_urls>' or 'activeTab' permission is required.${PDI})`,
    );
  });
});

describe("unknown text", () => {
  it("reads as an unexpected error of ours with the text isolated after it", () => {
    const error = new Error("A requested file or directory could not be found at the time an operation was processed.");
    expect(failureKind(error)).toBeNull();
    expect(failureSaid(error)).toEqual(
      said("failure_detail", { what: said("failure_unknown"), detail: (error as Error).message }),
    );
    expect(sayText(failureSaid(error), es)).toBe(
      `un error inesperado (mensaje original: ${FSI}${(error as Error).message}${PDI})`,
    );
  });

  it("a page's errorText words a known kind, and our own English error (a bug's) as an unexpected one", () => {
    expect(errorText(new TypeError("NetworkError when attempting to fetch resource."), es)).toMatch(
      /^no se pudo contactar con el servidor .*\u2068NetworkError when attempting to fetch resource\.\u2069\)$/,
    );
    expect(failureKind(new Error("No case 1234"))).toBeNull();
    expect(errorText(new Error("No case 1234"), ar)).toBe(`خطأ غير متوقَّع (الرسالة الأصلية: ${FSI}No case 1234${PDI})`);
  });

  it("a SaidError is told as it is, not classified again", () => {
    const error = new SaidError(said("failure_redirect"));
    expect(failureSaid(error)).toEqual(said("failure_redirect"));
  });

  it("keeps at most 300 characters of the text", () => {
    expect(failureText(new Error(`Failed to fetch ${"x".repeat(1000)}`))).toHaveLength(300);
  });
});

describe("an HTTP status", () => {
  it.each([
    [404, "http_not_found", "the server answered 404 (not found)"],
    [410, "http_not_found", "the server answered 410 (not found)"],
    [401, "http_not_allowed", "the server answered 401 (access not allowed)"],
    [403, "http_not_allowed", "the server answered 403 (access not allowed)"],
    [408, "http_busy", "the server answered 408 (busy or too slow; try again later)"],
    [429, "http_busy", "the server answered 429 (busy or too slow; try again later)"],
    [400, "http_client", "the server answered 400 (request refused)"],
    [422, "http_client", "the server answered 422 (request refused)"],
    [500, "http_server", "the server answered 500 (server error)"],
    [503, "http_server", "the server answered 503 (server error)"],
    [302, "http_other", "the server answered 302"],
  ] as const)("%i → %s", (status, key, text) => {
    expect(httpSaid(status)).toEqual({ key, params: { status } });
    expect(english(httpSaid(status))).toBe(text);
  });

  it("is worded in each language with the number as it is", () => {
    expect(sayText(httpSaid(404), es)).toBe("el servidor respondió 404 (no encontrado)");
    expect(sayText(httpSaid(429), ar)).toBe("ردّ الخادم بالرمز 429 (مشغول أو بطيء جدًا؛ حاول لاحقًا)");
    expect(sayText(httpSaid(503), ja)).toBe("サーバーが 503 を返しました（サーバーのエラー）");
  });
});

describe("the kinds", () => {
  it("every kind of the data file is worded (a key of ours for each)", () => {
    for (const kind of Object.keys(TEXTS.kinds)) {
      const error = new Error(TEXTS.kinds[kind as FailureKind][0]);
      const told = failureSaid(error);
      expect(told.key, kind).toBe("failure_detail");
      expect((told.params.what as { key: string }).key, kind).toBe(`failure_${kind}`);
    }
  });
});
