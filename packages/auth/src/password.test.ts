import { describe, expect, it } from "vitest";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, createInsecureTestHasher, passwordProblem } from "./password";

const email = "Ada.Lovelace@Example.org";

describe("passwordProblem", () => {
  it("accepts a password of 10 to 256 characters that is not the e-mail", () => {
    expect(passwordProblem("correct horse", email)).toBeNull();
    expect(passwordProblem("x".repeat(PASSWORD_MIN_LENGTH), email)).toBeNull();
    expect(passwordProblem("x".repeat(PASSWORD_MAX_LENGTH), email)).toBeNull();
  });

  it("refuses fewer than 10 characters", () => {
    expect(passwordProblem("x".repeat(9), email)).toBe("Use at least 10 characters.");
    expect(passwordProblem("", email)).toBe("Use at least 10 characters.");
  });

  it("refuses more than 256 characters", () => {
    expect(passwordProblem("x".repeat(257), email)).toBe("Use at most 256 characters.");
    expect(passwordProblem("x".repeat(10_000), email)).toBe("Use at most 256 characters.");
  });

  it("counts characters, not UTF-16 units: five emoji are five characters", () => {
    expect(passwordProblem("🔑".repeat(5), email)).toBe("Use at least 10 characters.");
    expect(passwordProblem("🔑".repeat(10), email)).toBeNull();
    expect(passwordProblem("🔑".repeat(256), email)).toBeNull();
  });

  it("refuses the e-mail address in any capitalisation", () => {
    expect(passwordProblem(email, email)).toBe("Your password must not be your e-mail address.");
    expect(passwordProblem(email.toLowerCase(), email)).toBe("Your password must not be your e-mail address.");
    expect(passwordProblem(email.toUpperCase(), ` ${email} `)).toBe("Your password must not be your e-mail address.");
  });
});

describe("createInsecureTestHasher (tests only)", () => {
  const hasher = createInsecureTestHasher();

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hasher.hash("correct horse");
    expect(hash).toMatch(/^test\$[0-9a-f]{64}$/);
    expect(await hasher.verify(hash, "correct horse")).toBe(true);
    expect(await hasher.verify(hash, "correct horsE")).toBe(false);
    expect(await hasher.verify("garbage", "correct horse")).toBe(false);
    expect(await hasher.verify("", "")).toBe(false);
  });
});
