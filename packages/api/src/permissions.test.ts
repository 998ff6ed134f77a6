// The permission table is the truth: every procedure, called by every role, is either let through
// (it may still refuse the input) or refused with UNAUTHORIZED / FORBIDDEN, exactly as the table says.
import { connectAsApp } from "@frontdesk/db/testing";
import { CALLER_ROLES, isAllowed, PERMISSIONS, type CallerRole, type ProcedurePath } from "@frontdesk/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "./root";
import { callerFor, createStaffedClinic, createTestDeps, sessionFor } from "./testing";

const { db, close } = connectAsApp();
const { deps } = createTestDeps(db);
let staffed: Awaited<ReturnType<typeof createStaffedClinic>>;
beforeAll(async () => {
  staffed = await createStaffedClinic(db);
});
afterAll(() => close());

const procedures = Object.keys(appRouter._def.procedures).sort() as ProcedurePath[];

async function outcome(path: ProcedurePath, role: CallerRole): Promise<string> {
  const session =
    role === "anonymous"
      ? null
      : await sessionFor(deps, staffed.userIds[role], staffed.clinic.clinicId); // a patient "claims" the clinic too
  const { caller } = callerFor(deps, session);
  const call = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  try {
    await call({});
    return "ok";
  } catch (error) {
    if (!(error instanceof TRPCError)) return String(error);
    // A feature the clinic has off (ADR 0039) is the clinic's choice, not the role's: the table let it through.
    return (error.cause as { reason?: string } | undefined)?.reason === "FEATURE_OFF" ? "FEATURE_OFF" : error.code;
  }
}

describe("the permission table", () => {
  it("has exactly one entry for every procedure of the router", () => {
    expect(procedures).toEqual((Object.keys(PERMISSIONS) as ProcedurePath[]).sort());
  });

  describe.each(procedures)("%s", (path) => {
    it.each(CALLER_ROLES)("as %s", async (role) => {
      const result = await outcome(path, role);
      if (isAllowed(PERMISSIONS[path], role)) {
        expect(result, "let through (the empty input may still be refused)").not.toMatch(/^(UNAUTHORIZED|FORBIDDEN)$/);
      } else {
        expect(result).toBe(role === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN");
      }
    });
  });
});
