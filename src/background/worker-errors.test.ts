/**
 * A worker error told as a key and params, from the handler through the
 * router and the page's `send`, worded on the page in the user's language:
 * Spanish and Arabic here, English for the CLI and the logs.
 */
import { describe, expect, it, vi } from "vitest";
import { localeCatalog } from "../../test-support/catalogs.ts";
import { pageSender, SELF } from "../../test-support/senders.ts";

const runtime: { sendMessage?: (message: unknown) => Promise<unknown> } = {};
// The handlers import the polyfill, which refuses to load outside an extension: the page's send goes to dispatch.
vi.mock("webextension-polyfill", async () => (await import("../../test-support/senders.ts")).polyfillStub({ runtime }));

const { dispatch } = await import("./dispatch.ts");
const { HANDLERS } = await import("./handlers/index.ts");
const { send } = await import("../shared/messages/send.ts");
const { errorText, saidOf, sayText } = await import("../shared/said.ts");
const { feedErrors } = await import("./packs/feed-error.ts");

const PAGE = pageSender("src/options/index.html");
runtime.sendMessage = (message) => dispatch(HANDLERS, message, PAGE, SELF);

const catalog = localeCatalog;
const FSI = "\u2068";
const PDI = "\u2069";

/** What the page's send throws for a request. */
async function thrown(request: Parameters<typeof send>[0]): Promise<unknown> {
  try {
    await send(request);
  } catch (error) {
    return error;
  }
  throw new Error(`${request.type} succeeded`);
}

describe("a worker error on the page", () => {
  it("a broken pack file: the reply carries the key, the page words it in Spanish and Arabic", async () => {
    const reply = await dispatch(HANDLERS, { type: "import-pack", text: '{"format": 1, "id": "broken"}' }, PAGE, SELF);
    expect(reply).toEqual({
      ok: false,
      error: "The pack is broken at version: expected a non-negative integer",
      said: {
        key: "pack_broken_at",
        params: { path: "version", detail: { key: "pack_detail_non_negative_integer", params: {} } },
      },
    });
    const error = await thrown({ type: "import-pack", text: '{"format": 1, "id": "broken"}' });
    // The validator's detail is worded in the page's language too; only the JSON path is isolated.
    expect(errorText(error, catalog("es"))).toBe(
      `El paquete está dañado en ${FSI}version${PDI}: se esperaba un entero no negativo`,
    );
    expect(errorText(error, catalog("ar"))).toBe(`الحزمة تالفة عند ${FSI}version${PDI}: يُتوقَّع عدد صحيح غير سالب`);
  });

  it("a file that is not JSON, and a bad feed address, in Spanish and Arabic", async () => {
    const notJson = await thrown({ type: "import-pack", text: "<html>" });
    expect(saidOf(notJson)?.key).toBe("pack_file_not_json");
    expect(errorText(notJson, catalog("es"))).toBe(
      "El archivo no es JSON: elige un paquete de reglas de Copycatch (.json).",
    );
    const badUrl = await thrown({
      type: "subscribe",
      url: "ftp://example.com/pack.json",
      intervalMinutes: 60,
      allowUnsigned: true,
      brandOwner: false,
      publicKey: null,
    });
    expect(errorText(badUrl, catalog("ar"))).toBe(
      `يجب أن يبدأ عنوان المصدر بـ${FSI}https://${PDI} (لا يُقبل http غير المشفّر إلا لـ${FSI}127.0.0.1, localhost${PDI}).`,
    );
  });

  it("an error without a key (a malformed request from a page) keeps the handler's English as the detail of an unexpected error", async () => {
    const error = await thrown({ type: "import-pack", text: 42 } as never);
    expect(saidOf(error)).toBeNull();
    expect((error as Error).message).toBe("text: expected a string of at most 67108864 characters");
    expect(errorText(error, catalog("es"))).toBe(
      `un error inesperado (mensaje original: ${FSI}text: expected a string of at most 67108864 characters${PDI})`,
    );
  });

  it("a failed feed check keeps its English for the record and its keys for the options page", () => {
    const error = feedErrors.http(503);
    expect(error.retryable).toBe(true);
    expect(error.message).toBe("The feed could not be downloaded: the server answered 503 (server error).");
    expect(error.advice).toMatch(/^The feed server is failing/);
    const es = catalog("es");
    expect(errorText(error, es)).toBe(
      "No se pudo descargar la fuente: el servidor respondió 503 (error del servidor).",
    );
    expect(error.adviceSaid ? sayText(error.adviceSaid, es) : "").toMatch(/^El servidor de la fuente está fallando/);
  });
});
