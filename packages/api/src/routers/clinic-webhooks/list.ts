import { webhookEndpoints } from "@frontdesk/db/schema";
import { asc, eq } from "drizzle-orm";
import { procedure } from "../../trpc";
import { endpointView } from "./endpoint-record";

export const list = procedure("clinic.webhooks.list").query(async ({ ctx }) => {
  const staff = ctx.staff;
  const rows = await staff.tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.clinicId, staff.clinicId)).orderBy(asc(webhookEndpoints.createdAt));
  const now = ctx.deps.clock.now();
  return rows.map((row) => endpointView(row, now));
});
