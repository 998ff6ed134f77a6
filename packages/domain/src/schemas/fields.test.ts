import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../failure";
import { bookInput } from "./booking";
import { eventId, instant, localDate, password, text, version } from "./fields";

const refusal = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) => (result.success ? "ok" : result.error!.issues[0]!.message);

describe("text", () => {
  const note = text(100, "Too long");

  it("keeps tabs and newlines, and every script and emoji", () => {
    for (const value of ["line one\nline two", "a\tb", "Zoë Ångström", "José 🙂 山田", "\u{1F600}"]) expect(refusal(note.safeParse(value))).toBe("ok");
  });

  it.each([
    ["NUL", "a\u0000b"],
    ["a bell", "a\u0007b"],
    ["a carriage return", "a\rb"],
    ["an escape", "\u001b[31m"],
    ["DEL", "a\u007fb"],
    ["a C1 control", "a\u0085b"],
    ["a lone high surrogate", "a\uD800b"],
    ["a lone low surrogate", "a\uDC00b"],
    ["a surrogate pair backwards", "\uDE00\uD83D"],
  ])("refuses %s with a message for the field", (_label, value) => {
    expect(refusal(note.safeParse(value))).toBe("Remove the invisible control characters from this text");
  });

  it("applies to passwords too, which keep their spaces", () => {
    expect(password.parse("  spaced out  ")).toBe("  spaced out  ");
    expect(refusal(password.safeParse("pass\u0000word"))).toMatch(/control characters/);
  });
});

describe("dates and instants", () => {
  it.each(["0000-01-01", "1899-12-31", "2201-01-01", "9999-12-31"])("refuse the date %s", (value) => {
    expect(refusal(localDate.safeParse(value))).toBe("Use a date between 1900 and 2200");
  });

  it("accept the edges of 1900-2200 and real days only", () => {
    expect(localDate.parse("1900-01-01")).toBe("1900-01-01");
    expect(localDate.parse("2200-12-31")).toBe("2200-12-31");
    expect(refusal(localDate.safeParse("2026-02-30"))).toBe("Not a real date");
  });

  it.each(["0000-01-01T00:00:00Z", "9999-12-31T23:30:00Z", "2201-01-01T00:00:00Z", "1900-01-01T00:30:00+01:00"])("refuse the instant %s", (value) => {
    expect(refusal(instant.safeParse(value))).toBe("Use a date between 1900 and 2200");
  });

  it("normalise instants to UTC", () => {
    expect(instant.parse("2026-03-02T10:00:00+01:00")).toBe("2026-03-02T09:00:00.000Z");
  });
});

describe("integers", () => {
  it("keep event ids within what a JavaScript number holds exactly", () => {
    expect(eventId.parse("9007199254740991")).toBe("9007199254740991");
    for (const value of ["99999999999999999999", "9007199254740993", "-1", "1e3", ""]) expect(refusal(eventId.safeParse(value))).toBe("Not an event id");
  });

  it("keep versions within a PostgreSQL integer", () => {
    expect(version.parse(2_147_483_647)).toBe(2_147_483_647);
    for (const value of [2_147_483_648, 0, 1.5, 1e308, Number.NaN]) expect(refusal(version.safeParse(value))).toBe("Not a version number");
  });
});

describe("fieldErrorsOf", () => {
  it("names each field by its path, as the API sends them", () => {
    const result = bookInput.safeParse({ clinicSlug: "demo-paris", patient: { name: "", email: "nope" } });
    expect(result.success).toBe(false);
    const fieldErrors = fieldErrorsOf(result.error!);
    expect(fieldErrors["patient.name"]).toEqual(["Enter your name"]);
    expect(fieldErrors["patient.email"]).toEqual(["Enter a valid e-mail address"]);
    expect(Object.keys(fieldErrors)).toEqual(expect.arrayContaining(["serviceId", "start", "idempotencyKey"]));
  });
});
