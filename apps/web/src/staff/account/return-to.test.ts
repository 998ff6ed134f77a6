import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-to";

describe("the return path after signing in", () => {
  it.each([
    ["/app/patients/0b8f1c2e-6666-4000-8000-000000000001", "/app/patients/0b8f1c2e-6666-4000-8000-000000000001"],
    ["/app/patients?q=dupont&page=2", "/app/patients?q=dupont&page=2"],
    ["/app/invite/abc.DEF234", "/app/invite/abc.DEF234"],
    ["/app", "/app"],
  ])("keeps the staff path %s", (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it.each([
    "https://evil.example/app/calendar",
    "//evil.example/app/calendar",
    "/\\evil.example/app",
    "/app\\..\\..\\evil",
    "\t//evil.example",
    "/\t/evil.example/app",
    "javascript:alert(1)",
    "/app/../admin",
    "/application",
    "/book/demo-paris",
    "app/calendar",
    "/app/sign-in",
    "",
    42,
    null,
  ])("refuses %j", (value) => {
    expect(safeReturnPath(value)).toBeNull();
  });
});
