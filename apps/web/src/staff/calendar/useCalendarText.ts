// The calendar's words in the member's language (src/i18n/staff): status names and the one-line
// summary every block, row and tooltip uses, so the grid, the lists and print say the same thing.
import type { DateFormat } from "@frontdesk/domain";
import { useStaffText } from "../../i18n/staff/useStaffText";
import type { AppointmentStatus, CalendarAppointment } from "../types";

const STATUS_KEYS: Record<AppointmentStatus, string> = {
  booked: "status.booked",
  confirmed: "status.confirmed",
  arrived: "status.arrived",
  completed: "status.completed",
  cancelled: "status.cancelled",
  no_show: "status.no_show",
};

export function useCalendarText() {
  const { t } = useStaffText();
  const statusName = (status: AppointmentStatus) => t(STATUS_KEYS[status]);
  /** "09:00–09:15 Jeanne Dupont · Consultation · Arrived": a block's tooltip and its full name. */
  const summary = (appointment: CalendarAppointment, format: DateFormat) =>
    `${format.time(appointment.start)}–${format.time(appointment.end)} ${appointment.patientName} · ${appointment.serviceName} · ${statusName(appointment.status)}`;
  return { t, statusName, summary };
}
