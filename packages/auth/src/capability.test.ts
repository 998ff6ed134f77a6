import { withTenant } from "@frontdesk/db";
import { invitations } from "@frontdesk/db/schema";
import { connectAsApp, createTestClinic } from "@frontdesk/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createCapabilityToken, parseCapabilityToken } from "./capability";
import { sha256Hex } from "./crypto";

const clinicId = "3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b";

describe("createCapabilityToken", () => {
  it("makes '<clinicId>.<160-bit secret>' and stores only its SHA-256", () => {
    const { token, tokenHash } = createCapabilityToken(clinicId);
    expect(token).toMatch(new RegExp(`^${clinicId}\\.[a-z2-7]{32}$`));
    expect(tokenHash).toBe(sha256Hex(token));
    expect(tokenHash).not.toContain(token.split(".")[1]);
  });

  it("never repeats a secret", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => createCapabilityToken(clinicId).token));
    expect(tokens.size).toBe(1000);
  });

  it("writes the clinic id in lower case", () => {
    expect(createCapabilityToken(clinicId.toUpperCase()).token.startsWith(clinicId)).toBe(true);
  });

  it.each(["", "clinic", "3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0", `${clinicId}.x`, `${clinicId}'--`])(
    "refuses the clinic id %j",
    (bad) => {
      expect(() => createCapabilityToken(bad)).toThrow(TypeError);
    },
  );
});

describe("parseCapabilityToken", () => {
  it("returns the clinic to scope to and the hash to look up", () => {
    const { token, tokenHash } = createCapabilityToken(clinicId);
    expect(parseCapabilityToken(token)).toEqual({ clinicId, tokenHash });
  });

  it("gives a relabelled token (another clinic's id) a different hash", () => {
    const { token, tokenHash } = createCapabilityToken(clinicId);
    const otherClinic = crypto.randomUUID();
    const relabelled = parseCapabilityToken(`${otherClinic}.${token.split(".")[1]}`);
    expect(relabelled?.clinicId).toBe(otherClinic);
    expect(relabelled?.tokenHash).not.toBe(tokenHash);
  });

  const secret = "a".repeat(32);
  it.each([
    "",
    ".",
    secret,
    `${clinicId}`,
    `${clinicId}.`,
    `.${secret}`,
    `${clinicId.toUpperCase()}.${secret}`,
    `${clinicId}.${secret.toUpperCase()}`,
    `${clinicId}.${"a".repeat(31)}`,
    `${clinicId}.${"a".repeat(33)}`,
    `${clinicId}.${"a".repeat(31)}1`,
    `${clinicId}.${secret}.${secret}`,
    ` ${clinicId}.${secret}`,
    `${clinicId}.${secret}\n`,
    `not-a-uuid-at-all-000000000000000000.${secret}`,
    `3f2b8c1e9a4d4e6f8b2a1c3d5e7f9a0b.${secret}`,
    `3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0g.${secret}`,
    // Right shape, but not a UUID (variant nibble "c" is outside RFC 9562's 8-b): withTenant would refuse it.
    `3f2b8c1e-9a4d-4e6f-cb2a-1c3d5e7f9a0b.${secret}`,
    "x".repeat(10_000),
  ])("refuses the malformed token %j", (token) => {
    expect(parseCapabilityToken(token)).toBeNull();
  });
});

describe("a capability token finds its row only in its own clinic", () => {
  const app = connectAsApp();
  afterAll(() => app.close());

  it("looks up the invitation in the token's clinic; a relabelled token finds nothing", async () => {
    const [a, b] = [await createTestClinic(app.db), await createTestClinic(app.db)];
    const { token, tokenHash } = createCapabilityToken(a.clinicId);
    await withTenant(app.db, { clinicId: a.clinicId, userId: a.ownerUserId, role: "owner" }, (tx) =>
      tx.insert(invitations).values({
        clinicId: a.clinicId,
        email: "new.staff@example.test",
        role: "receptionist",
        tokenHash,
        invitedBy: a.ownerUserId,
        expiresAt: new Date("2031-01-01T00:00:00Z"),
      }),
    );
    const find = async (presented: string) => {
      const parsed = parseCapabilityToken(presented);
      if (!parsed) return [];
      return withTenant(app.db, { clinicId: parsed.clinicId, userId: null, role: "public" }, (tx) =>
        tx.select({ id: invitations.id }).from(invitations).where(eq(invitations.tokenHash, parsed.tokenHash)),
      );
    };
    expect(await find(token)).toHaveLength(1);
    expect(await find(`${b.clinicId}.${token.split(".")[1]}`)).toEqual([]);
  });
});
