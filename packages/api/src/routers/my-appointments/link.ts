// myAppointments.link: links the clinic's records with the account's e-mail to the account, once
// the e-mail is proved (a sign-in code proves it, ADR 0016). The page calls it after signing in.
import { myAppointmentsInput } from "@frontdesk/domain";
import { sql } from "drizzle-orm";
import { ForbiddenError } from "../../errors";
import { findUserById } from "../auth-session";
import { procedure } from "../../trpc";
import { asPublic } from "../public/scope";
import { patientAccount } from "./account";

export const link = procedure("myAppointments.link")
  .input(myAppointmentsInput)
  .mutation(async ({ ctx, input }) => {
    const { clinic, userId } = await patientAccount(ctx, input.clinicSlug);
    const user = await findUserById(ctx, userId);
    // An address nobody proved (an account from before verification) links nothing: whoever
    // typed it first would otherwise read that person's appointments.
    if (user.emailVerifiedAt === null) throw new ForbiddenError("Confirm your e-mail address first: sign in with a code sent to it");
    const [linked] = await asPublic(ctx, clinic.id, (tx) => tx.execute<{ count: number }>(sql`select link_account_patients() as count`), userId);
    // Only this account's own records are counted: nothing about anyone else's address.
    return { linked: Number(linked!.count) };
  });
