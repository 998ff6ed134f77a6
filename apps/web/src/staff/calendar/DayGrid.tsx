import type { CSSProperties } from "react";
import type { DateFormat } from "../../lib/datetime";
import type { AppointmentStatus } from "../types";
import { ROW_MINUTES, type DayLayout } from "./day-layout";
import styles from "./calendar.module.css";

export const STATUS_NAMES: Record<AppointmentStatus, string> = {
  booked: "Booked",
  confirmed: "Confirmed",
  arrived: "Arrived",
  completed: "Completed",
  cancelled: "Cancelled",
  no_show: "No-show",
};

/** One column per practitioner; rows of ROW_MINUTES on the clinic's wall clock. */
export function DayGrid({ layout, format }: { layout: DayLayout; format: DateFormat }) {
  const rows = { "--rows": layout.rows } as CSSProperties;
  const hours: number[] = [];
  for (let minutes = layout.startMinutes; minutes < layout.endMinutes; minutes += 60) hours.push(minutes);
  const hourRow = (minutes: number) => (minutes - layout.startMinutes) / ROW_MINUTES + 1;

  return (
    // Focusable so a keyboard can scroll a day wider than the screen.
    <div className={styles.grid} role="group" aria-label="Day calendar" tabIndex={0} style={{ "--columns": layout.columns.length } as CSSProperties}>
      <div className={styles.corner} aria-hidden="true" />
      {layout.columns.map((column) => (
        <h2 key={column.practitioner.id} className={styles.columnHeading} id={`column-${column.practitioner.id}`}>
          <span className={styles.swatch} style={{ background: column.practitioner.colour }} aria-hidden="true" />
          {column.practitioner.displayName}
        </h2>
      ))}
      <div className={styles.times} style={rows} aria-hidden="true">
        {hours.map((minutes) => (
          <span key={minutes} style={{ gridRowStart: hourRow(minutes) }}>
            {format.clockTime(minutes)}
          </span>
        ))}
      </div>
      {layout.columns.map((column) => (
        <section
          key={column.practitioner.id}
          aria-labelledby={`column-${column.practitioner.id}`}
          className={styles.column}
          style={{ ...rows, "--lanes": column.lanes } as CSSProperties}
        >
          {column.workingHours.map((span) => (
            <div
              key={`${span.startRow}-${span.endRow}`}
              className={styles.working}
              data-testid="working-hours"
              style={{ gridRowStart: span.startRow, gridRowEnd: span.endRow }}
            />
          ))}
          {column.timeOff.map((span) => (
            <div
              key={`${span.startRow}-${span.endRow}`}
              className={styles.timeOff}
              style={{ gridRowStart: span.startRow, gridRowEnd: span.endRow }}
            >
              {span.reason ? `Time off: ${span.reason}` : "Time off"}
            </div>
          ))}
          {column.appointments.map(({ appointment, startRow, endRow, lane }) => (
            <article
              key={appointment.id}
              className={styles.appointment}
              data-status={appointment.status}
              aria-label={`${format.time(appointment.start)} ${appointment.patientName}`}
              style={{ gridRowStart: startRow, gridRowEnd: endRow, gridColumnStart: lane + 1 }}
            >
              <span className={styles.appointmentTime}>
                {format.time(appointment.start)}–{format.time(appointment.end)}
              </span>{" "}
              <span className={styles.patient}>{appointment.patientName}</span>{" "}
              <span className={styles.service}>{appointment.serviceName}</span>{" "}
              <span className={styles.status}>{STATUS_NAMES[appointment.status]}</span>
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}
