// The day as a list: every visible practitioner's appointments in time order. It is the phone's
// first screen, the list a receptionist reads down at the desk, and (printable) the day sheet.
import type { DateFormat, LocalDate } from "@frontdesk/domain";
import type { CalendarAppointment, CalendarPractitioner } from "../types";
import { minutesOnDay } from "./day-layout";
import { useCalendarText } from "./useCalendarText";
import styles from "./calendar-views.module.css";

export interface AgendaProps {
  date: LocalDate;
  practitioners: CalendarPractitioner[];
  appointments: CalendarAppointment[];
  format: DateFormat;
  /** Absent when printing: paper gets text, not buttons. */
  onOpen?: ((appointment: CalendarAppointment) => void) | undefined;
  /** The table's caption (the day sheet names the clinic and the day). */
  caption: string;
}

/** The appointments of `date` (clinic's calendar) with the practitioners shown, by start then practitioner. */
export function agendaOf(date: LocalDate, practitioners: CalendarPractitioner[], appointments: CalendarAppointment[], timeZone: string) {
  const order = new Map(practitioners.map((p, i) => [p.id, i]));
  return appointments
    .filter((a) => order.has(a.practitionerId) && minutesOnDay(a.start, a.end, date, timeZone) !== null)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || order.get(a.practitionerId)! - order.get(b.practitionerId)!);
}

export function AgendaView({ date, practitioners, appointments, format, onOpen, caption }: AgendaProps) {
  const { t, statusName, summary } = useCalendarText();
  const rows = agendaOf(date, practitioners, appointments, format.timeZone);
  const nameOf = new Map(practitioners.map((p) => [p.id, p.displayName]));
  if (rows.length === 0) return <p className={styles.muted}>{onOpen ? t("calendar.agenda.empty") : t("calendar.sheet.empty")}</p>;
  return (
    <table className={styles.agenda}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("calendar.agenda.time")}</th>
          <th scope="col">{t("calendar.agenda.practitioner")}</th>
          <th scope="col">{t("calendar.agenda.patient")}</th>
          <th scope="col">{t("calendar.agenda.service")}</th>
          <th scope="col">{t("calendar.agenda.status")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((appointment) => (
          <tr key={appointment.id} data-status={appointment.status}>
            <td className={styles.nowrap}>
              {format.time(appointment.start)}–{format.time(appointment.end)}
            </td>
            <td>{nameOf.get(appointment.practitionerId)}</td>
            <td>
              {onOpen ? (
                <button type="button" className={styles.rowButton} aria-label={summary(appointment, format)} onClick={() => onOpen(appointment)}>
                  {appointment.patientName}
                </button>
              ) : (
                appointment.patientName
              )}
            </td>
            <td>{appointment.serviceName}</td>
            <td>
              <span className={styles.statusBadge} data-status={appointment.status}>
                {statusName(appointment.status)}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
