// Helpers for router tests that act as each staff role of a clinic (plus a second clinic to try
// cross-clinic ids against), and read back what landed in the audit log.
import { withTenant, type Database, type Transaction } from "@frontdesk/db";
import { auditLog } from "@frontdesk/db/schema";
import { TRPCError } from "@trpc/server";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { callerFor, createStaffedClinic, createTestDeps, sessionFor } from ".";

export type StaffRole = "owner" | "admin" | "receptionist" | "practitioner" | "patient";

/** The tRPC code a call ends with, or "ok". */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
}

/** For a call expected to fail validation: the code and the input fields the error names. */
export async function refusal(promise: Promise<unknown>): Promise<{ code: string; fields: string[] }> {
  try {
    await promise;
    return { code: "ok", fields: [] };
  } catch (error) {
    if (!(error instanceof TRPCError)) return { code: String(error), fields: [] };
    const fields = error.cause instanceof z.ZodError ? Object.keys(z.flattenError(error.cause).fieldErrors) : [];
    return { code: error.code, fields };
  }
}

export async function createStaffWorld(db: Database) {
  const { deps, clock } = createTestDeps(db);
  const staffed = await createStaffedClinic(db);
  const clinicId = staffed.clinic.clinicId;
  const as = async (role: StaffRole) => callerFor(deps, await sessionFor(deps, staffed.userIds[role], clinicId)).caller;
  const inClinic = <T>(work: (tx: Transaction) => Promise<T>) => withTenant(db, { clinicId, userId: null, role: "owner" }, work);
  const auditRows = () => inClinic((tx) => tx.select().from(auditLog).where(eq(auditLog.clinicId, clinicId)).orderBy(asc(auditLog.id)));
  /** Runs `call` and returns the audit rows it added. */
  const audited = async <T>(call: () => Promise<T>) => {
    const before = (await auditRows()).length;
    let result: T | undefined;
    let failure: unknown;
    try {
      result = await call();
    } catch (error) {
      failure = error;
    }
    return { result, failure, rows: (await auditRows()).slice(before) };
  };
  return { deps, clock, staffed, clinicId, as, inClinic, auditRows, audited };
}
