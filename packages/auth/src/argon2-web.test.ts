import { describe, expect, it } from "vitest";
import { argon2Hasher } from "./argon2";
import { webArgon2Hasher } from "./argon2-web";

describe("the pure-JavaScript argon2id hasher (edge)", () => {
  it("writes the same PHC format and parameters as the native hasher", async () => {
    expect(await webArgon2Hasher.hash("correct horse battery")).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
  });

  it("verifies hashes made natively, and the native hasher verifies its hashes", async () => {
    const native = await argon2Hasher.hash("correct horse battery");
    const web = await webArgon2Hasher.hash("correct horse battery");
    expect(await webArgon2Hasher.verify(native, "correct horse battery")).toBe(true);
    expect(await argon2Hasher.verify(web, "correct horse battery")).toBe(true);
    expect(await webArgon2Hasher.verify(native, "correct horse batterY")).toBe(false);
  });

  it("answers false, not an exception, for a hash it cannot read", async () => {
    expect(await webArgon2Hasher.verify("$2b$10$bcrypt-looking-thing", "x")).toBe(false);
    expect(await webArgon2Hasher.verify("", "x")).toBe(false);
  });
});
