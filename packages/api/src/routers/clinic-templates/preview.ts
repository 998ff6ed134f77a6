import { addDays, addMinutes, clinicDateFormat, instantAt, templateTextInput, todayIn } from "@frontdesk/domain";
import { clinics } from "@frontdesk/db/schema";
import { eq } from "drizzle-orm";
import { renderMessage, type MessageVariables } from "../../notifications/content";
import { procedure } from "../../trpc";

/** Example values: the clinic's own name and contact, nobody's real appointment. */
const SAMPLE: Omit<MessageVariables, "clinicName" | "clinicAddress" | "clinicPhone" | "when" | "previousWhen" | "offerExpires"> = {
  patientName: "Alex Sample",
  serviceName: "Consultation",
  practitionerName: "Dr Martin",
  manageUrl: "https://example.com/booking/sample-link",
  confirmUrl: "https://example.com/confirm/sample-link",
  optOutUrl: "https://example.com/opt-out/sample-link",
  offerUrl: "https://example.com/waitlist/sample-link",
};

/**
 * The sample's times, written as the real messages write them in the clinic's own wording (its
 * locale, its zone; ADR 0057): an appointment a week from the clinic's today at 10:30, moved from
 * the day before at 09:00, offered until 09:30 that day.
 */
function sampleTimes(clinic: { locale: string; timezone: string }, now: Date): Pick<MessageVariables, "when" | "previousWhen" | "offerExpires"> {
  const format = clinicDateFormat(clinic);
  const day = addDays(todayIn(clinic.timezone, now), 7);
  const start = instantAt(day, "10:30", clinic.timezone);
  return {
    when: format.appointmentTime(start, addMinutes(start, 30)),
    previousWhen: format.dateTime(instantAt(addDays(day, -1), "09:00", clinic.timezone)),
    offerExpires: format.dateTime(instantAt(day, "09:30", clinic.timezone)),
  };
}

/**
 * The message as a patient would read it, through the same renderer as the real ones. A mutation
 * only so that a long text travels in the body, not the URL: it changes nothing.
 */
export const preview = procedure("clinic.templates.preview")
  .input(templateTextInput)
  .mutation(async ({ ctx, input }) => {
    const staff = ctx.staff;
    const [clinic] = await staff.tx
      .select({ name: clinics.name, address: clinics.address, phone: clinics.phone, locale: clinics.locale, timezone: clinics.timezone })
      .from(clinics)
      .where(eq(clinics.id, staff.clinicId));
    const variables: MessageVariables = {
      ...SAMPLE,
      ...sampleTimes(clinic!, ctx.deps.clock.now()),
      clinicName: clinic!.name,
      clinicAddress: clinic!.address ?? "",
      clinicPhone: clinic!.phone ?? "",
    };
    return renderMessage({ kind: input.kind, channel: input.channel, variables, template: { subject: input.subject, text: input.text } });
  });
