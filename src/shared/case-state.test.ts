import { describe, expect, it } from "vitest";
import {
  type CheckObservation,
  changeState,
  filing,
  lastCheck,
  newFollowUp,
  recordCheck,
  recordRelistingSeen,
  setNotes,
  stateSince,
} from "./case-state.ts";

const T0 = "2025-05-01T12:00:00.000Z";
const at = (day: number) => new Date(`2025-05-${String(day).padStart(2, "0")}T08:00:00.000Z`);
const check = (result: CheckObservation["result"]): CheckObservation => ({
  result,
  status: result === "removed" ? 404 : 200,
  finalUrl: "https://www.ebay.com/itm/1",
  sha256: "d".repeat(64),
  bytes: 100,
  detail: "",
});

describe("follow-up states", () => {
  it("starts as a draft dated at capture", () => {
    const f = newFollowUp(T0);
    expect(f.state).toBe("draft");
    expect(f.history).toEqual([expect.objectContaining({ at: T0, kind: "created", state: "draft" })]);
    expect(stateSince(f)).toBe(T0);
  });
  it("files with a portal and a reference, each change dated and appended", () => {
    let f = changeState(newFollowUp(T0), { to: "filed", portal: "ebay-vero", reference: "V-1", note: null }, at(2));
    f = changeState(f, { to: "removed", portal: null, reference: null, note: "gone" }, at(5));
    expect(f.state).toBe("removed");
    expect(f.history.map((e) => [e.at, e.state])).toEqual([
      [T0, "draft"],
      [at(2).toISOString(), "filed"],
      [at(5).toISOString(), "removed"],
    ]);
    expect(filing(f)).toEqual({ at: at(2).toISOString(), portal: "ebay-vero", reference: "V-1" });
    expect(stateSince(f)).toBe(at(5).toISOString());
  });
  it("refuses moves the table does not allow, and filing without a portal", () => {
    expect(() =>
      changeState(newFollowUp(T0), { to: "removed", portal: null, reference: null, note: null }, at(2)),
    ).toThrow(/cannot become removed/);
    expect(() =>
      changeState(newFollowUp(T0), { to: "filed", portal: null, reference: null, note: null }, at(2)),
    ).toThrow(/portal/);
  });
  it("keeps notes and dates their edit without changing the state", () => {
    const f = setNotes(newFollowUp(T0), "call back", at(3));
    expect(f.notes).toBe("call back");
    expect(f.state).toBe("draft");
    expect(f.history.at(-1)).toMatchObject({ kind: "note", at: at(3).toISOString() });
    expect(() => setNotes(f, "x".repeat(20_001), at(3))).toThrow(/at most/);
  });
});

describe("re-checks", () => {
  const filed = changeState(newFollowUp(T0), { to: "filed", portal: "ebay-vero", reference: null, note: null }, at(2));
  it("live, then removed, then live again: filed → removed → relisted", () => {
    let f = recordCheck(filed, check("live"), at(3));
    expect(f.state).toBe("filed");
    f = recordCheck(f, check("removed"), at(4));
    expect(f.state).toBe("removed");
    f = recordCheck(f, check("live"), at(6));
    expect(f.state).toBe("relisted");
    expect(lastCheck(f)).toMatchObject({ result: "live", at: at(6).toISOString(), sha256: "d".repeat(64) });
    expect(f.history.filter((e) => e.kind === "check").map((e) => e.by)).toEqual(["recheck", "recheck", "recheck"]);
  });
  it("an unreachable listing changes nothing but is recorded", () => {
    const f = recordCheck(filed, check("unreachable"), at(3));
    expect(f.state).toBe("filed");
    expect(f.history).toHaveLength(3);
  });
  it("a draft found removed stays a draft (nothing was filed)", () => {
    expect(recordCheck(newFollowUp(T0), check("removed"), at(3)).state).toBe("draft");
  });
  it("the same listing seen at a new URL while browsing relists a removed case only", () => {
    const removed = recordCheck(filed, check("removed"), at(4));
    const f = recordRelistingSeen(removed, "https://www.ebay.com/itm/2", at(5));
    expect(f?.state).toBe("relisted");
    expect(f?.history.at(-1)).toMatchObject({ by: "browsing", url: "https://www.ebay.com/itm/2" });
    expect(recordRelistingSeen(filed, "https://www.ebay.com/itm/2", at(5))).toBeNull();
  });
});
