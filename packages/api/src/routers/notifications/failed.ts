// notifications.messages.failed: the clinic's messages that gave up, newest first, for the failures page.
import { messages } from "@frontdesk/db/schema";
import { failedMessagesInput } from "@frontdesk/domain";
import { and, desc, eq } from "drizzle-orm";
import { procedure } from "../../trpc";
import { messageView } from "./message-view";

export const failed = procedure("notifications.messages.failed")
  .input(failedMessagesInput)
  .query(async ({ ctx, input }) => {
    const { tx, clinicId } = ctx.staff;
    const rows = await tx
      .select()
      .from(messages)
      .where(and(eq(messages.clinicId, clinicId), eq(messages.status, "failed")))
      .orderBy(desc(messages.updatedAt))
      .limit(input.limit);
    return rows.map(messageView);
  });
