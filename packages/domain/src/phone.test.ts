import { describe, expect, it } from "vitest";
import { formatPhone, phoneSearchDigits, toE164 } from "./phone";

describe("phone numbers", () => {
  it("are stored in E.164 however they are typed in the clinic's country", () => {
    for (const typed of ["06 05 55 57 54", "0605555754", "+33605555754", "+33 6 05 55 57 54", "0033 6 05 55 57 54", "06.05.55.57.54", "(06) 05-55-57-54"]) {
      expect(toE164(typed, "FR"), typed).toBe("+33605555754");
    }
    expect(toE164("(415) 555-0123", "US")).toBe("+14155550123");
    expect(toE164("+41 44 668 18 00", "FR")).toBe("+41446681800");
  });

  it("refuses what cannot be a phone number, and national numbers when the clinic has no country", () => {
    for (const typed of ["call me", "1", "12", "+", "06 05", "++33605555754"]) expect(toE164(typed, "FR"), typed).toBeNull();
    expect(toE164("06 05 55 57 54", null)).toBeNull();
    expect(toE164("+33 6 05 55 57 54", null)).toBe("+33605555754");
  });

  it("are shown in the national format at home and the international one from abroad", () => {
    expect(formatPhone("+33605555754", "FR")).toBe("06 05 55 57 54");
    expect(formatPhone("+33605555754", "CH")).toBe("+33 6 05 55 57 54");
    expect(formatPhone("not a number", "FR")).toBe("not a number");
    expect(formatPhone(null, "FR")).toBeNull();
  });

  it("are searched by the digits the stored number holds", () => {
    const stored = "33605555754";
    for (const typed of ["06 05 55 57 54", "0605555754", "+33605555754", "33 6 05 55 57 54", "6 05 55 57 54", "06 05 55", "0033 6 05"]) {
      expect(stored.includes(phoneSearchDigits(typed, "FR")), typed).toBe(true);
    }
  });
});
