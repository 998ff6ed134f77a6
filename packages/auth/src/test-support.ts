// Helpers for this package's tests (not exported): users to sign in, and a fixed clock.
import { withIdentity, type Database } from "@frontdesk/db";
import { users } from "@frontdesk/db/schema";

export const T0 = new Date("2031-03-03T09:00:00.000Z");
export const at = (ms: number) => new Date(T0.getTime() + ms);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const uniqueEmail = (label = "user") => `${label}-${crypto.randomUUID().slice(0, 8)}@auth.test`;

/** A new user, created the way sign-up does (through the app role). */
export async function createUser(db: Database, email = uniqueEmail()): Promise<string> {
  const [user] = await withIdentity(db, {}, (tx) =>
    tx.insert(users).values({ email, name: "Test User" }).returning({ id: users.id }),
  );
  return user!.id;
}
