// A bookable clinic and a request context for testing public.book's steps one at a time, against
// the real database, the way the procedure calls them.
import { bookInput } from "@frontdesk/domain";
import { withTenant, type Database, type Transaction } from "@frontdesk/db";
import { createContext } from "../../../context";
import { callerFor, createBookableClinic, createTestDeps } from "../../../testing";
import { asPublic, clinicBySlug } from "../scope";
import type { BookInput } from "./replay";

// The test clock says 2026-11-22T09:00Z; 2026-12-01 is a Tuesday.
export const DAY = "2026-12-01";
/** An instant at a Paris wall-clock time (winter: UTC+1). */
export const at = (localTime: string, date = DAY) => new Date(`${date}T${localTime}:00+01:00`).toISOString();

export async function bookingWorld(db: Database, options: Parameters<typeof createBookableClinic>[1] = {}) {
  const made = await createBookableClinic(db, options);
  const test = createTestDeps(db);
  const ctx = createContext({ deps: test.deps, ip: "192.0.2.1" });
  const clinic = await clinicBySlug(ctx, made.slug);
  /** A valid public.book input, as the procedure receives it (parsed). */
  const input = (start: string, extra: Partial<BookInput> = {}): BookInput =>
    bookInput.parse({
      clinicSlug: made.slug,
      serviceId: made.serviceId,
      start,
      patient: { name: "Léa Martin", email: `lea-${crypto.randomUUID().slice(0, 8)}@example.test` },
      idempotencyKey: crypto.randomUUID(),
      ...extra,
    });
  /** Books through the whole procedure. */
  const book = (request: BookInput) => callerFor(test.deps).caller.public.book(request);
  const inPublic = <T>(work: (tx: Transaction) => Promise<T>) => asPublic(ctx, clinic.id, work);
  const inClinic = <T>(work: (tx: Transaction) => Promise<T>) => withTenant(db, { clinicId: made.clinicId, userId: null, role: "owner" }, work);
  return { made, clinic, ctx, ...test, input, book, inPublic, inClinic };
}

/** What `promise` rejected with; fails the test if it resolved. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}
