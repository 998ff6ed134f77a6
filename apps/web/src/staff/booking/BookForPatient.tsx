// "Book" on a patient's page (issue 17): the booking dialog with this patient already chosen and
// the free-time finder ready (first service, anyone who offers it), from the next quarter of an
// hour on the clinic's clock. The page's history refreshes once booked. It lives outside both
// features (ADR 0047): the patients screen may not import the calendar's dialog directly.
import type { DateFormat } from "@frontdesk/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../api/trpc";
import { useStaffText } from "../../i18n/staff/useStaffText";
import { Button } from "../../ui/Button";
import { BookingDialog } from "../calendar/BookingDialog";
import { useClinicNow } from "../calendar/clinic-clock";
import { ROW_MINUTES } from "../calendar/day-layout";
import type { PatientRecord } from "../patients/types";

export function BookForPatient({ patient, format, onBooked }: { patient: PatientRecord; format: DateFormat; onBooked: (message: string) => void }) {
  const { t } = useStaffText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useClinicNow(format.timeZone);
  const [open, setOpen] = useState(false);
  const minutes = Math.min(Math.ceil((now.minutes + 1) / ROW_MINUTES) * ROW_MINUTES, 24 * 60 - ROW_MINUTES);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t("patients.book")}</Button>
      {open ? (
        <BookingDialog
          start={{ date: now.date, minutes, practitionerId: null }}
          timeZone={format.timeZone}
          locale={format.locale}
          patient={{ kind: "existing", patient: { id: patient.id, fullName: patient.fullName, email: patient.email, phone: patient.phone, dateOfBirth: patient.dateOfBirth } }}
          onClose={() => setOpen(false)}
          onBooked={(booked, seriesCount) => {
            setOpen(false);
            void queryClient.invalidateQueries(trpc.patients.get.queryFilter({ patientId: patient.id }));
            onBooked(
              seriesCount === undefined
                ? t("patients.booked", { service: booked.serviceName, name: booked.practitionerName, when: format.dateTime(booked.start) })
                : t("series.booked", { n: seriesCount, service: booked.serviceName, when: format.dateTime(booked.start) }),
            );
          }}
        />
      ) : null}
    </>
  );
}
