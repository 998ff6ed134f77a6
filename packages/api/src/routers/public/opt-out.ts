// public.notifications.optOut: the link at the bottom of every message. The patient hears no more
// on that message's channel from this clinic; messages already planned are skipped when due.
import { parseCapabilityToken } from "@frontdesk/auth";
import { messages, notificationOptOuts } from "@frontdesk/db/schema";
import { messageLinkInput } from "@frontdesk/domain";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../audit";
import { NotFoundError } from "../../errors";
import { manageLimit } from "../../rate-limit/public-limits";
import { procedure } from "../../trpc";
import { fromLink } from "./manage-link";
import { asPublic } from "./scope";

export const optOut = procedure("public.notifications.optOut")
  .input(messageLinkInput)
  .mutation(async ({ ctx, input }) => {
    await manageLimit(ctx);
    if (!parseCapabilityToken(input.token)) throw new NotFoundError("Link");
    const { clinic, tokenHash } = await fromLink(ctx, input.token);
    return asPublic(ctx, clinic.id, async (tx) => {
      const [message] = await tx
        .select({ id: messages.id, patientId: messages.patientId, channel: messages.channel })
        .from(messages)
        .where(and(eq(messages.clinicId, clinic.id), eq(messages.optOutTokenHash, tokenHash)));
      if (!message?.patientId) throw new NotFoundError("Link");
      const [added] = await tx
        .insert(notificationOptOuts)
        .values({ clinicId: clinic.id, patientId: message.patientId, channel: message.channel })
        .onConflictDoNothing()
        .returning({ channel: notificationOptOuts.channel });
      if (added) {
        await recordAudit(tx, {
          clinicId: clinic.id,
          actorUserId: null,
          actorKind: "patient_link",
          action: "opt_out",
          entity: "patient",
          entityId: message.patientId,
          changes: { channel: [null, message.channel] },
          requestId: ctx.requestId,
        });
      }
      return { clinicName: clinic.name, channel: message.channel };
    });
  });
