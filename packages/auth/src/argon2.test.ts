import { describe, expect, it } from "vitest";
import { argon2Hasher } from "./argon2";

describe("argon2Hasher", () => {
  it("hashes with argon2id, m=19456, t=2, p=1, and a fresh salt each time", async () => {
    const hash = await argon2Hasher.hash("correct horse battery");
    expect(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    expect(await argon2Hasher.hash("correct horse battery")).not.toBe(hash);
    expect(hash).not.toContain("correct horse battery");
  });

  it("verifies the right password only", async () => {
    const hash = await argon2Hasher.hash("correct horse battery");
    expect(await argon2Hasher.verify(hash, "correct horse battery")).toBe(true);
    expect(await argon2Hasher.verify(hash, "correct horse batterY")).toBe(false);
    expect(await argon2Hasher.verify(hash, "")).toBe(false);
  });

  it("handles non-ASCII passwords", async () => {
    const hash = await argon2Hasher.hash("mot de passe é 🔑");
    expect(await argon2Hasher.verify(hash, "mot de passe é 🔑")).toBe(true);
    expect(await argon2Hasher.verify(hash, "mot de passe e 🔑")).toBe(false);
  });

  it.each(["", "garbage", "$argon2id$v=19$m=19456,t=2,p=1$", "test$abc", "$2b$10$abcdefghijklmnopqrstuv"])(
    "answers false, not an error, for the unreadable hash %j",
    async (hash) => {
      expect(await argon2Hasher.verify(hash, "anything at all")).toBe(false);
    },
  );
});
