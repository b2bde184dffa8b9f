import { describe, expect, it } from "vitest";
import { EXTENSION_ID, EXTENSION_ORIGIN } from "../../../test-support/senders.ts";
import { classifySender } from "./sender.ts";

const ID = EXTENSION_ID;
const ORIGIN = EXTENSION_ORIGIN;

describe("classifySender", () => {
  it("accepts the top frame of a web page as a content script", () => {
    expect(
      classifySender({ id: ID, url: "https://www.amazon.com/dp/B0", tab: { id: 4 }, frameId: 0 }, ID, ORIGIN),
    ).toBe("content");
  });
  it("refuses sub-frames, which do not speak for the listing", () => {
    expect(classifySender({ id: ID, url: "https://ads.example/x", tab: { id: 4 }, frameId: 3 }, ID, ORIGIN)).toBeNull();
  });
  it("accepts the extension's own pages", () => {
    expect(classifySender({ id: ID, url: `${ORIGIN}src/popup/index.html?tab=3` }, ID, ORIGIN)).toBe("extension-page");
  });
  it("refuses another extension, even with our page URL", () => {
    expect(classifySender({ id: "other", url: `${ORIGIN}src/popup/index.html` }, ID, ORIGIN)).toBeNull();
  });
  it("refuses a sender with no tab that is not an extension page", () => {
    expect(classifySender({ id: ID, url: "https://evil.example/" }, ID, ORIGIN)).toBeNull();
  });
  it("refuses a look-alike origin prefix", () => {
    expect(
      classifySender({ id: ID, url: `chrome-extension://${ID}evil/x`, tab: { id: 1 }, frameId: 0 }, ID, ORIGIN),
    ).toBeNull();
  });
  it("refuses non-web schemes as content", () => {
    expect(classifySender({ id: ID, url: "file:///etc/passwd", tab: { id: 1 }, frameId: 0 }, ID, ORIGIN)).toBeNull();
  });
});
