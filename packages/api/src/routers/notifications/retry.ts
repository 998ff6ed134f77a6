// notifications.messages.retry: staff send a failed message again (after fixing the address or the
// mail server). A new round of attempts starts; the send re-checks that the message is still wanted.
import { messages } from "@frontdesk/db/schema";
import { retryMessageInput } from "@frontdesk/domain";
import { and, eq } from "drizzle-orm";
import { recordStaffAudit } from "../../audit";
import { NotFoundError, RuleError } from "../../errors";
import { enqueueJob } from "../../jobs/queue";
import { SEND_MESSAGE_TASK, sendJobKey } from "../../notifications/send-task";
import { procedure } from "../../trpc";
import { messageView } from "./message-view";

export const retry = procedure("notifications.messages.retry")
  .input(retryMessageInput)
  .mutation(async ({ ctx, input }) => {
    const { tx, clinicId } = ctx.staff;
    const [message] = await tx.select().from(messages).where(and(eq(messages.clinicId, clinicId), eq(messages.id, input.messageId))).for("update");
    if (!message) throw new NotFoundError("Message");
    if (message.status !== "failed") throw new RuleError(`Only a failed message can be sent again (this one is ${message.status})`, "INVALID_TRANSITION");
    const now = ctx.deps.clock.now();
    const [updated] = await tx
      .update(messages)
      .set({ status: "queued", attempts: 0, sendAt: now, nextAttemptAt: null, failureReason: null, updatedAt: now })
      .where(and(eq(messages.clinicId, clinicId), eq(messages.id, message.id)))
      .returning();
    await enqueueJob(tx, { task: SEND_MESSAGE_TASK, payload: { messageId: message.id }, key: sendJobKey(message.id) });
    await recordStaffAudit(ctx, { action: "retry", entity: "message", entityId: message.id, changes: { status: ["failed", "queued"] } });
    return messageView(updated!);
  });
