import { templateTextInput } from "@frontdesk/domain";
import { clinics } from "@frontdesk/db/schema";
import { eq } from "drizzle-orm";
import { renderMessage, type MessageVariables } from "../../notifications/content";
import { procedure } from "../../trpc";

/** Example values: the clinic's own name and contact, nobody's real appointment. */
const SAMPLE: Omit<MessageVariables, "clinicName" | "clinicAddress" | "clinicPhone"> = {
  patientName: "Alex Sample",
  serviceName: "Consultation",
  practitionerName: "Dr Martin",
  when: "Tuesday 14 March, 10:30–11:00",
  previousWhen: "Monday 13 March, 09:00–09:30",
  manageUrl: "https://example.com/booking/sample-link",
  confirmUrl: "https://example.com/confirm/sample-link",
  optOutUrl: "https://example.com/opt-out/sample-link",
  offerUrl: "https://example.com/waitlist/sample-link",
  offerExpires: "Tuesday 14 March, 09:30",
};

/**
 * The message as a patient would read it, through the same renderer as the real ones. A mutation
 * only so that a long text travels in the body, not the URL: it changes nothing.
 */
export const preview = procedure("clinic.templates.preview")
  .input(templateTextInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const [clinic] = await staff.tx.select({ name: clinics.name, address: clinics.address, phone: clinics.phone }).from(clinics).where(eq(clinics.id, staff.clinicId));
    const variables: MessageVariables = { ...SAMPLE, clinicName: clinic!.name, clinicAddress: clinic!.address ?? "", clinicPhone: clinic!.phone ?? "" };
    return renderMessage({ kind: input.kind, channel: input.channel, variables, template: { subject: input.subject, text: input.text } });
  });
