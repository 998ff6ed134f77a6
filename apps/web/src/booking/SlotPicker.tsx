// Steps 4 and 5: a month calendar whose days with free times are marked (one request per visible
// month), then that day's times grouped by part of day. Also used to move a booking.
import {
  addDays,
  addMonths,
  endOfMonth,
  firstDayOfWeek,
  isoWeekday,
  monthGrid,
  partOfDay,
  shiftMonths,
  startOfMonth,
  type DateFormat,
  type LocalDate,
  type PartOfDay,
} from "@frontdesk/domain";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { describeFailure } from "../api/failure";
import type { Slot } from "../api/types";
import { useTRPC } from "../api/trpc";
import { Button } from "../ui/Button";
import { EmptyNotice, ErrorNotice } from "../ui/Notice";
import { StepHeading } from "../ui/StepHeading";
import styles from "./slots.module.css";

export interface SlotPickerProps {
  clinicSlug: string;
  serviceId: string;
  /** Undefined: any practitioner who offers the service. */
  practitionerId: string | undefined;
  horizonDays: number;
  fmt: DateFormat;
  today: LocalDate;
  selected: Slot | undefined;
  onSelect: (slot: Slot) => void;
  /** Move focus to the "Choose a day" heading when the picker opens. */
  focusOnMount?: boolean;
}

const PARTS: Array<{ part: PartOfDay; label: string }> = [
  { part: "morning", label: "Morning" },
  { part: "afternoon", label: "Afternoon" },
  { part: "evening", label: "Evening" },
];

function minDate(a: LocalDate, b: LocalDate) {
  return a < b ? a : b;
}

function maxDate(a: LocalDate, b: LocalDate) {
  return a > b ? a : b;
}

/** The days of `month` a patient can book: from today (or the 1st) to the month's end (or the horizon). */
function monthRange(month: LocalDate, today: LocalDate, horizonDays: number) {
  return { from: maxDate(month, today), to: minDate(endOfMonth(month), addDays(today, horizonDays)) };
}

/** public.slots' input for one month of the picker; the booking page also uses it to ask ahead. */
export function slotsQueryInput(options: { clinicSlug: string; serviceId: string; practitionerId: string | undefined; month: LocalDate; today: LocalDate; horizonDays: number }) {
  const { clinicSlug, serviceId, practitionerId, month, today, horizonDays } = options;
  return { clinicSlug, serviceId, ...(practitionerId ? { practitionerId } : {}), ...monthRange(month, today, horizonDays) };
}

export function SlotPicker({ clinicSlug, serviceId, practitionerId, horizonDays, fmt, today, selected, onSelect, focusOnMount = true }: SlotPickerProps) {
  const trpc = useTRPC();
  const lastDay = addDays(today, horizonDays);
  const firstMonth = startOfMonth(today);
  const lastMonth = startOfMonth(lastDay);
  const selectedDay = selected ? fmt.localDate(selected.start) : undefined;
  const [month, setMonth] = useState<LocalDate>(() => startOfMonth(selectedDay ?? today));
  const [chosenDay, setChosenDay] = useState<LocalDate | undefined>(selectedDay);
  /** Focus goes to the times only when the patient picks a day here, not when coming back to this step. */
  const [pickedHere, setPickedHere] = useState(false);
  const [focusDay, setFocusDay] = useState<LocalDate | undefined>(undefined);
  const moveFocus = useRef(false);
  const gridRef = useRef<HTMLTableElement>(null);
  const titleId = useId();

  const { from } = monthRange(month, today, horizonDays);
  const slots = useQuery(trpc.public.slots.queryOptions(slotsQueryInput({ clinicSlug, serviceId, practitionerId, month, today, horizonDays })));

  const byDay = useMemo(() => {
    const map = new Map<LocalDate, Slot[]>();
    const durationMs = (slots.data?.durationMinutes ?? 0) * 60_000;
    for (const day of slots.data?.days ?? []) {
      if (day.starts.length === 0) continue;
      map.set(
        day.date,
        day.starts.map((start) => ({ start, end: new Date(Date.parse(start) + durationMs).toISOString() })),
      );
    }
    return map;
  }, [slots.data]);

  const weekStartsOn = firstDayOfWeek(fmt.locale);
  const weeks = monthGrid(month, weekStartsOn);
  const weekdays = fmt.weekdays(weekStartsOn);
  const monthName = fmt.month(month);
  const firstFree = [...byDay.keys()].sort()[0];
  const tabStop = focusDay && focusDay.startsWith(month.slice(0, 7)) ? focusDay : chosenDay?.startsWith(month.slice(0, 7)) ? chosenDay : (firstFree ?? from);

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    gridRef.current?.querySelector<HTMLButtonElement>(`[data-date="${tabStop}"]`)?.focus();
  }, [tabStop, month]);

  const goToMonth = (next: LocalDate) => {
    setMonth(next);
    setFocusDay(undefined);
  };

  const onGridKey = (event: KeyboardEvent<HTMLTableElement>) => {
    const current = tabStop;
    const weekday = isoWeekday(current);
    const offsetInWeek = (weekday - weekStartsOn + 7) % 7;
    const moves: Record<string, () => LocalDate> = {
      ArrowLeft: () => addDays(current, -1),
      ArrowRight: () => addDays(current, 1),
      ArrowUp: () => addDays(current, -7),
      ArrowDown: () => addDays(current, 7),
      Home: () => addDays(current, -offsetInWeek),
      End: () => addDays(current, 6 - offsetInWeek),
      PageUp: () => shiftMonths(current, -1),
      PageDown: () => shiftMonths(current, 1),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const target = minDate(maxDate(move(), firstMonth), endOfMonth(lastMonth));
    moveFocus.current = true;
    setFocusDay(target);
    if (startOfMonth(target) !== month) setMonth(startOfMonth(target));
  };

  const dayTimes = chosenDay ? (byDay.get(chosenDay) ?? []) : [];
  const failure = slots.isError ? describeFailure(slots.error) : undefined;
  const status = slots.isPending
    ? `Loading free times for ${monthName}…`
    : slots.isError
      ? ""
      : byDay.size === 0
        ? `No free times in ${monthName}.`
        : `${byDay.size} ${byDay.size === 1 ? "day" : "days"} with free times in ${monthName}.`;

  return (
    <div>
      <StepHeading focusOnMount={focusOnMount}>Choose a day</StepHeading>
      <div className={styles.monthNav}>
        <button
          type="button"
          className={styles.navButton}
          onClick={() => goToMonth(addMonths(month, -1))}
          disabled={month <= firstMonth}
          aria-label="Previous month"
        >
          ‹
        </button>
        <h3 id={titleId} className={styles.monthTitle}>
          {monthName}
        </h3>
        <button
          type="button"
          className={styles.navButton}
          onClick={() => goToMonth(addMonths(month, 1))}
          disabled={month >= lastMonth}
          aria-label="Next month"
        >
          ›
        </button>
      </div>
      <table role="grid" ref={gridRef} className={styles.grid} aria-labelledby={titleId} aria-busy={slots.isPending || undefined} onKeyDown={onGridKey}>
        <thead>
          <tr>
            {weekdays.map((day) => (
              <th key={day.long} scope="col" abbr={day.long}>
                {day.short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, index) => (
            <tr key={index}>
              {week.map((date, cell) => {
                if (!date) return <td key={cell} />;
                const free = byDay.get(date)?.length ?? 0;
                const available = free > 0;
                const isChosen = date === chosenDay;
                const label = slots.isPending
                  ? `${fmt.date(date)}, loading`
                  : `${fmt.date(date)}, ${available ? `${free} free ${free === 1 ? "time" : "times"}` : "no free times"}`;
                return (
                  <td key={date} role="gridcell" aria-selected={isChosen}>
                    <button
                      type="button"
                      data-date={date}
                      tabIndex={date === tabStop ? 0 : -1}
                      aria-disabled={!available}
                      aria-label={label}
                      aria-current={date === today ? "date" : undefined}
                      className={[
                        styles.day,
                        slots.isPending ? styles.loading : "",
                        available ? styles.available : "",
                        isChosen ? styles.selected : "",
                        date === today ? styles.today : "",
                      ].join(" ")}
                      onClick={() => {
                        setFocusDay(date);
                        if (!available) return;
                        setChosenDay(date);
                        setPickedHere(true);
                      }}
                    >
                      {Number(date.slice(8))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status" className={styles.status}>
        {status}
      </p>
      {failure ? (
        <ErrorNotice title="Free times could not be loaded" message={failure.message} onRetry={() => void slots.refetch()} />
      ) : null}
      {!slots.isPending && !slots.isError && byDay.size === 0 ? (
        <EmptyNotice title={`No free times in ${monthName}`}>
          {month < lastMonth ? (
            <Button variant="secondary" onClick={() => goToMonth(addMonths(month, 1))}>
              Show {fmt.month(addMonths(month, 1))}
            </Button>
          ) : (
            <p>Online booking opens {horizonDays} days ahead. Please check again later or call the clinic.</p>
          )}
        </EmptyNotice>
      ) : null}
      {chosenDay && dayTimes.length > 0 ? (
        <section className={styles.times} aria-labelledby={`${titleId}-times`}>
          <StepHeading key={chosenDay} level={3} id={`${titleId}-times`} focusOnMount={pickedHere}>
            Choose a time on {fmt.date(chosenDay)}
          </StepHeading>
          <p className={styles.zoneNote}>
            Times are in the clinic&apos;s time zone ({fmt.timeZone}).
            {fmt.differentZone ? ` Your own time (${fmt.patientTimeZone}) is shown under each.` : ""}
          </p>
          {PARTS.map(({ part, label }) => {
            const inPart = dayTimes.filter((slot) => partOfDay(slot.start, fmt.timeZone) === part);
            if (inPart.length === 0) return null;
            return (
              <div key={part} className={styles.group} role="group" aria-label={label}>
                <h4>{label}</h4>
                <ul className={styles.timeList}>
                  {inPart.map((slot) => {
                    const patientTime = fmt.patientTime(slot.start);
                    return (
                      <li key={slot.start}>
                        <button
                          type="button"
                          className={styles.time}
                          aria-pressed={selected?.start === slot.start}
                          onClick={() => onSelect(slot)}
                        >
                          <span>{fmt.time(slot.start)}</span>
                          {patientTime ? <span className={styles.patientTime}>{" "}{patientTime} your time</span> : null}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
        </section>
      ) : null}
    </div>
  );
}
