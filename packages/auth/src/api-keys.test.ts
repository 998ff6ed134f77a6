import { describe, expect, it } from "vitest";
import { createApiKey, parseApiKey, readApiKey } from "./api-keys";

const clinicId = "3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60";

describe("API keys", () => {
  it("carry their clinic, and parse back to the hash that was stored", () => {
    const created = createApiKey(clinicId, "pepper");
    expect(created.key).toMatch(/^fdk_3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60_[a-z2-7]{32}$/);
    expect(created.key).toContain(created.hint);
    expect(parseApiKey(created.key, "pepper")).toEqual({ clinicId, keyHash: created.keyHash });
  });

  it("hash differently under another pepper, and never store the key itself", () => {
    const created = createApiKey(clinicId, "pepper");
    expect(parseApiKey(created.key, "another")?.keyHash).not.toBe(created.keyHash);
    expect(created.keyHash).not.toContain(created.key.slice(-32));
  });

  it("bind the clinic: a key relabelled with another clinic's id hashes to something else", () => {
    const created = createApiKey(clinicId, "pepper");
    const relabelled = created.key.replace(clinicId, "00000000-0000-4000-8000-000000000000");
    expect(parseApiKey(relabelled, "pepper")?.keyHash).not.toBe(created.keyHash);
  });

  it.each(["", "fdk_", "fdk_not-a-uuid_abc", `fdk_${clinicId}_short`, `Fdk_${clinicId}_${"a".repeat(32)}`, `fdk_${clinicId}_${"a".repeat(32)}x`])(
    "refuse %j",
    (key) => {
      expect(parseApiKey(key, "pepper")).toBeNull();
    },
  );

  it("are read from a Bearer header only when they look like ours", () => {
    expect(readApiKey("Bearer fdk_abc")).toBe("fdk_abc");
    expect(readApiKey("bearer  fdk_abc ")).toBe("fdk_abc");
    expect(readApiKey("Bearer something-else")).toBeNull();
    expect(readApiKey(null)).toBeNull();
  });
});
