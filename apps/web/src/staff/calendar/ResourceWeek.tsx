// Every practitioner across seven days: a row each, a cell per day listing that day's appointments
// (time, patient, status), so the front desk sees who is busy when without switching practitioner.
// A practitioner's name opens their own week on the time grid.
import { isoWeekday, type DateFormat, type LocalDate } from "@frontdesk/domain";
import type { CalendarAppointment, CalendarPractitioner } from "../types";
import { minutesOnDay } from "./day-layout";
import { useCalendarText } from "./useCalendarText";
import styles from "./calendar-views.module.css";

export interface ResourceWeekProps {
  dates: LocalDate[];
  today: LocalDate;
  practitioners: CalendarPractitioner[];
  appointments: CalendarAppointment[];
  format: DateFormat;
  onOpen: (appointment: CalendarAppointment) => void;
  onPractitionerWeek: (practitionerId: string) => void;
}

export function ResourceWeek({ dates, today, practitioners, appointments, format, onOpen, onPractitionerWeek }: ResourceWeekProps) {
  const { t, statusName, summary } = useCalendarText();
  const weekdays = format.weekdays(1);
  const cell = (practitioner: CalendarPractitioner, date: LocalDate) =>
    appointments
      .filter((a) => a.practitionerId === practitioner.id && minutesOnDay(a.start, a.end, date, format.timeZone) !== null)
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const works = (practitioner: CalendarPractitioner, date: LocalDate) =>
    practitioner.workingHours.some((h) => h.weekday === isoWeekday(date)) || practitioner.exceptions.some((e) => e.kind === "available" && minutesOnDay(e.start, e.end, date, format.timeZone));
  return (
    <div className={styles.resourceScroll} tabIndex={0} role="region" aria-label={t("calendar.resources.label")}>
      <table className={styles.resources}>
        <thead>
          <tr>
            <th scope="col">{t("calendar.agenda.practitioner")}</th>
            {dates.map((date) => (
              <th scope="col" key={date} aria-current={date === today ? "date" : undefined}>
                {weekdays[isoWeekday(date) - 1]!.short} {format.dayAndMonth(date)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {practitioners.map((practitioner) => (
            <tr key={practitioner.id}>
              <th scope="row">
                <span className={styles.swatch} style={{ background: practitioner.colour }} aria-hidden="true" />
                <button type="button" className={styles.rowButton} onClick={() => onPractitionerWeek(practitioner.id)} title={t("calendar.resources.openWeek")}>
                  {practitioner.displayName}
                </button>
              </th>
              {dates.map((date) => {
                const visits = cell(practitioner, date);
                return (
                  <td key={date} data-off={!works(practitioner, date) || undefined}>
                    {visits.length === 0 ? (
                      <span className={styles.muted}>{works(practitioner, date) ? t("calendar.resources.free") : t("calendar.resources.off")}</span>
                    ) : (
                      <ul className={styles.cellList}>
                        {visits.map((appointment) => (
                          <li key={appointment.id}>
                            <button type="button" className={styles.chip} data-status={appointment.status} title={summary(appointment, format)} aria-label={summary(appointment, format)} onClick={() => onOpen(appointment)}>
                              <span className={styles.chipTime}>{format.time(appointment.start)}</span> <span className={styles.chipPatient}>{appointment.patientName}</span>{" "}
                              <span className={styles.chipStatus}>{statusName(appointment.status)}</span>
                            </button>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
