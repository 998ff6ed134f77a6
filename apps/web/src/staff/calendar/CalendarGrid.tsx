// The time grid shared by the day view (one column per practitioner) and the week view (one column
// per day): rows of ROW_MINUTES on the clinic's wall clock, never the browser's.
import { isOpen, wallClockOf, type DateFormat, type LocalDate } from "@frontdesk/domain";
import type { CSSProperties, KeyboardEvent, MouseEvent } from "react";
import type { CalendarAppointment } from "../types";
import { slotAttributes, slotOf, useBlockDrag, type GridSlot } from "./block-drag";
import { ROW_MINUTES, type DayColumn, type DayLayout } from "./day-layout";
import { isGridKey, nextBlock, type BlockPosition } from "./grid-keys";
import { useCalendarText } from "./useCalendarText";
import { DropRefusal, type DropRefusalNotice } from "./DropRefusal";
import styles from "./calendar.module.css";

export interface GridProps {
  layout: DayLayout;
  format: DateFormat;
  /** Day: a column per practitioner; week: one practitioner, a column per day. */
  view: "day" | "week";
  /** What each column's heading says: the practitioner (day view) or the day (week view). */
  headingOf: (column: DayColumn) => string;
  /** The clinic's current wall-clock time, for the now line. */
  now: { date: LocalDate; minutes: number };
  /** Whether the member may book and move (the front desk); practitioners only open appointments. */
  canBook: boolean;
  onPickTime: (slot: GridSlot) => void;
  onOpen: (appointment: CalendarAppointment) => void;
  onMove: (appointment: CalendarAppointment, to: GridSlot) => void;
  /** The height of one row (calendar-zoom.ts); the stylesheet's when absent. */
  rowHeight?: string | undefined;
  /** A refused drop: why, said next to the block it put back (DropRefusal.tsx). */
  refusal?: DropRefusalNotice | null | undefined;
}

const columnId = (column: DayColumn) => `column-${column.practitioner.id}-${column.date}`;

export function CalendarGrid({ layout, format, view, headingOf, now, canBook, onPickTime, onOpen, onMove, rowHeight, refusal }: GridProps) {
  const { statusName, summary } = useCalendarText();
  const rows = { "--rows": layout.rows } as CSSProperties;
  const hours: number[] = [];
  for (let minutes = layout.startMinutes; minutes < layout.endMinutes; minutes += 60) hours.push(minutes);
  const rowOf = (minutes: number) => (minutes - layout.startMinutes) / ROW_MINUTES + 1;
  const rowStarts = Array.from({ length: layout.rows }, (_, i) => layout.startMinutes + i * ROW_MINUTES);
  const drag = useBlockDrag({ startMinutesOf: (a) => wallClockOf(a.start, format.timeZone).minutes, onDrop: onMove });

  // One listener per column: a click on an empty quarter of an hour books it.
  const pickTime = (event: MouseEvent<HTMLElement>) => {
    const slot = slotOf(event.target as Element);
    if (slot) onPickTime(slot);
  };

  // Arrow keys walk the blocks (grid-keys.ts); Enter on a block is its button's own click.
  const blocks: BlockPosition[] = layout.columns.flatMap((column, index) => column.appointments.map(({ appointment }) => ({ id: appointment.id, column: index, startMinutes: wallClockOf(appointment.start, format.timeZone).minutes })));
  const moveFocus = (event: KeyboardEvent<HTMLElement>) => {
    if (!isGridKey(event.key) || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const grid = event.currentTarget;
    const current = (event.target as Element).closest<HTMLElement>("[data-block-id]")?.dataset.blockId;
    // From the grid itself, the first block (in time) enters the appointments.
    const target = current ? nextBlock(blocks, current, event.key) : ([...blocks].sort((a, b) => a.column - b.column || a.startMinutes - b.startMinutes)[0]?.id ?? null);
    // Handled here, so the calendar's own ←/→ (previous/next day) stay for when no block has focus.
    event.preventDefault();
    if (target) grid.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(target)}"]`)?.focus();
  };

  return (
    // Focusable so a keyboard can scroll a grid wider than the screen. A week (seven columns) gets
    // narrower columns so a desktop shows it whole.
    <div className={styles.grid} role="group" aria-label={view === "week" ? "Week calendar" : "Day calendar"} tabIndex={0} onKeyDown={moveFocus} style={{ "--columns": layout.columns.length, "--column-min": layout.columns.length > 4 ? "6.5rem" : "9rem", ...(rowHeight ? { "--row-height": rowHeight } : {}) } as CSSProperties}>
      <div className={styles.corner} aria-hidden="true" />
      {layout.columns.map((column) => (
        <h2 key={columnId(column)} className={styles.columnHeading} id={columnId(column)}>
          {/* A week is one practitioner's: the colour would only take room from the day's name. */}
          {view === "week" ? null : <span className={styles.swatch} style={{ background: column.practitioner.colour }} aria-hidden="true" />}
          {headingOf(column)}
        </h2>
      ))}
      <div className={styles.times} style={rows} aria-hidden="true">
        {hours.map((minutes) => (
          <span key={minutes} style={{ gridRowStart: rowOf(minutes) }}>
            {format.clockTime(minutes)}
          </span>
        ))}
      </div>
      {layout.columns.map((column) => {
        const preview = drag.preview?.target;
        const previewHere = preview && preview.date === column.date && preview.practitionerId === column.practitioner.id ? preview : null;
        const previewRows = previewHere && drag.preview ? durationRows(drag.preview.appointment) : 0;
        return (
          <section
            key={columnId(column)}
            aria-labelledby={columnId(column)}
            className={styles.column}
            style={{ ...rows, "--lanes": column.lanes } as CSSProperties}
            onClick={pickTime}
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
              <div key={`${span.startRow}-${span.endRow}`} className={styles.timeOff} style={{ gridRowStart: span.startRow, gridRowEnd: span.endRow }}>
                {span.reason ? `Time off: ${span.reason}` : "Time off"}
              </div>
            ))}
            {/* Pointer targets for booking and dropping; keyboard users book with "New appointment". */}
            {(canBook ? rowStarts : []).map((minutes, i) => (
              <div
                key={minutes}
                className={styles.slot}
                style={{ gridRowStart: i + 1 }}
                title={`Book ${format.clockTime(minutes)}`}
                {...slotAttributes({ date: column.date, minutes, practitionerId: column.practitioner.id })}
              />
            ))}
            {previewHere ? (
              <div className={styles.dropPreview} style={{ gridRowStart: rowOf(previewHere.minutes), gridRowEnd: `span ${previewRows}` }} aria-hidden="true">
                {format.clockTime(previewHere.minutes)}
              </div>
            ) : null}
            {now.date === column.date && now.minutes >= layout.startMinutes && now.minutes < layout.endMinutes ? (
              <div
                className={styles.nowLine}
                data-testid="now-line"
                title={`Now: ${format.clockTime(now.minutes)}`}
                aria-hidden="true"
                style={{ top: `calc(var(--row-height) * ${(now.minutes - layout.startMinutes) / ROW_MINUTES})` }}
              />
            ) : null}
            {refusal ? <DropRefusal notice={refusal} placed={column.appointments.find((placed) => placed.appointment.id === refusal.appointmentId)} /> : null}
            {column.appointments.map(({ appointment, startRow, endRow, lane }) => (
              <article
                key={appointment.id}
                className={styles.appointment}
                data-status={appointment.status}
                // One row (15 minutes) is one line: patient, status and service, cut with an ellipsis; the tooltip has it all.
                data-short={endRow - startRow <= 1 || undefined}
                data-dragging={drag.preview?.appointment.id === appointment.id || undefined}
                aria-label={`${format.time(appointment.start)} ${appointment.patientName}`}
                style={{ gridRowStart: startRow, gridRowEnd: endRow, gridColumnStart: lane + 1 }}
              >
                <button
                  type="button"
                  className={styles.appointmentButton}
                  data-block-id={appointment.id}
                  title={summary(appointment, format)}
                  {...(canBook && isOpen(appointment.status) ? drag.handlers(appointment) : {})}
                  onClick={(event) => {
                    event.stopPropagation();
                    if (!drag.wasDrag()) onOpen(appointment);
                  }}
                >
                  <span className={styles.appointmentTime}>
                    {format.time(appointment.start)}–{format.time(appointment.end)}
                  </span>{" "}
                  <span className={styles.patient}>{appointment.patientName}</span>{" "}
                  <span className={styles.status}>{statusName(appointment.status)}</span>{" "}
                  <span className={styles.service}>{appointment.serviceName}</span>
                </button>
              </article>
            ))}
          </section>
        );
      })}
    </div>
  );
}

const durationRows = (appointment: CalendarAppointment) => Math.max(1, Math.round((Date.parse(appointment.end) - Date.parse(appointment.start)) / 60_000 / ROW_MINUTES));
