// public.booking.get: the appointment behind a manage link, and whether it may still change online.
import { bookingGetInput, clinicDateFormat, isOpen } from "@frontdesk/domain";
import { presentAppointment } from "../../../booking/appointments";
import { manageLimit } from "../../../rate-limit/public-limits";
import { procedure } from "../../../trpc";
import { changeWindow, fromLink, linkedAppointment } from "../manage-link";
import { asPublic } from "../scope";

export const get = procedure("public.booking.get")
  .input(bookingGetInput)
  .query(async ({ ctx, input }) => {
    await manageLimit(ctx);
    const { clinic, tokenHash } = await fromLink(ctx, input.token);
    const row = await asPublic(ctx, clinic.id, (tx) => linkedAppointment(ctx, tx, clinic, tokenHash));
    const { changeableUntil, inWindow } = changeWindow(clinic, row.appointment.startsAt, ctx.deps.clock.now());
    return {
      appointment: { ...presentAppointment(row.appointment, row), clinicName: clinic.name, timezone: clinic.timezone },
      clinic: {
        slug: clinic.slug,
        name: clinic.name,
        timezone: clinic.timezone,
        locale: clinic.locale,
        address: clinic.address,
        phone: clinic.phone,
        cancellationNoticeMinutes: clinic.cancellationNoticeMinutes,
      },
      canChange: inWindow && isOpen(row.appointment.status),
      changeableUntil: changeableUntil.toISOString(),
      when: clinicDateFormat(clinic).appointmentTime(row.appointment.startsAt, row.appointment.endsAt),
    };
  });
