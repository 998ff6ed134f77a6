import { describe, expect, it } from "vitest";
import { clinicFlags, FLAGS, maySetFlag, resolveFlag } from "./flags";

describe("clinic flags", () => {
  it("are the defaults with nothing stored", () => {
    expect(clinicFlags({ ownerFlags: {}, operatorFlags: {} })).toEqual({ onlineBooking: true, waitlist: true, sms: true, calendarFeeds: false });
  });

  it("take the owner's value for owner flags, and the operator's over anyone's", () => {
    const stored = { ownerFlags: { sms: false, waitlist: false }, operatorFlags: { waitlist: true } };
    expect(resolveFlag("sms", stored)).toEqual({ name: "sms", value: false, source: "owner" });
    expect(resolveFlag("waitlist", stored)).toEqual({ name: "waitlist", value: true, source: "operator" });
  });

  it("ignore an owner's value for an operator flag, unknown names and ill-typed values", () => {
    const stored = { ownerFlags: { calendarFeeds: true, gone: true, sms: "off" }, operatorFlags: null };
    expect(clinicFlags(stored)).toEqual({ onlineBooking: true, waitlist: true, sms: true, calendarFeeds: false });
    expect(clinicFlags({ ownerFlags: "junk", operatorFlags: [true] })).toEqual(clinicFlags({ ownerFlags: {}, operatorFlags: {} }));
  });

  it("let the owner set only owner flags, the operator every flag", () => {
    expect(maySetFlag("owner", "calendarFeeds")).toBe(false);
    expect(maySetFlag("owner", "sms")).toBe(true);
    for (const name of Object.keys(FLAGS) as Array<keyof typeof FLAGS>) expect(maySetFlag("operator", name)).toBe(true);
  });
});
