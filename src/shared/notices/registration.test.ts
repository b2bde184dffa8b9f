import { describe, expect, it } from "vitest";
import type { TrademarkRegistration } from "../profile.ts";
import { english, type Said } from "../said.ts";
import { chooseRegistration, jurisdictionOf } from "./registration.ts";

const mark = (over: Partial<TrademarkRegistration>): TrademarkRegistration => ({
  office: "",
  number: "",
  classes: "",
  jurisdiction: "",
  expiry: "",
  ...over,
});

const US = mark({ office: "USPTO", number: "us-1" });
const EU = mark({ office: "EUIPO", number: "eu-1" });
const CN = mark({ office: "CNIPA", number: "cn-1", jurisdiction: "CN" });
const ON = "2026-12-04T00:00:00Z";

describe("choosing the registration a notice cites", () => {
  it("takes the jurisdiction from the office when none was saved", () => {
    expect(jurisdictionOf(US)).toBe("US");
    expect(jurisdictionOf(mark({ office: "euipo" }))).toBe("EU");
    expect(jurisdictionOf(mark({ office: "Some office" }))).toBe("");
  });

  it("the exact jurisdiction, then the EU mark for a member state, then the first with a warning", () => {
    expect(chooseRegistration([US, EU, CN], "CN", ON)).toEqual({ mark: CN, warnings: [] });
    expect(chooseRegistration([US, EU, CN], "DE", ON)).toEqual({ mark: EU, warnings: [] });
    const jp = chooseRegistration([US, EU], "JP", ON);
    expect(jp.mark).toBe(US);
    expect(english(jp.warnings[0] as Said)).toMatch(/No registration for JP/);
    expect(chooseRegistration([US, EU], null, ON)).toEqual({ mark: US, warnings: [] });
    expect(chooseRegistration([], "US", ON)).toEqual({ mark: null, warnings: [] });
  });

  it("never an expired registration while a valid one exists; says so when all have expired", () => {
    const old = mark({ office: "USPTO", number: "old", expiry: "2020-01-01" });
    const valid = mark({ office: "EUIPO", number: "eu-2", expiry: "2030-01-01" });
    expect(chooseRegistration([old, valid], "US", ON).mark).toBe(valid);
    const all = chooseRegistration([old], "US", ON);
    expect(all.mark).toBe(old);
    expect(english(all.warnings[0] as Said)).toMatch(/expired/);
  });
});
