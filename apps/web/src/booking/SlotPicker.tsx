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
import { patientFailureMessage } from "../i18n/patient-failure";
import { yourTimeText } from "./patient-time";
import { usePatientText } from "../i18n/usePatientText";
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

const PARTS: PartOfDay[] = ["morning", "afternoon", "evening"];

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
  const { t } = usePatientText();
  const partLabels: Record<PartOfDay, string> = { morning: t("slots.morning"), afternoon: t("slots.afternoon"), evening: t("slots.evening") };
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
    ? t("slots.loadingMonth", { month: monthName })
    : slots.isError
      ? ""
      : byDay.size === 0
        ? t("slots.noneInMonth", { month: monthName })
        : t("slots.daysInMonth", { count: byDay.size, month: monthName });

  return (
    <div>
      <StepHeading focusOnMount={focusOnMount}>{t("slots.heading")}</StepHeading>
      <div className={styles.monthNav}>
        <button
          type="button"
          className={styles.navButton}
          onClick={() => goToMonth(addMonths(month, -1))}
          disabled={month <= firstMonth}
          aria-label={t("slots.previousMonth")}
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
          aria-label={t("slots.nextMonth")}
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
                  ? t("slots.dayLoading", { date: fmt.date(date) })
                  : available
                    ? t("slots.dayFree", { date: fmt.date(date), count: free })
                    : t("slots.dayNone", { date: fmt.date(date) });
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
        <ErrorNotice title={t("slots.failed")} message={patientFailureMessage(failure, t)} retryLabel={t("common.tryAgain")} onRetry={() => void slots.refetch()} />
      ) : null}
      {!slots.isPending && !slots.isError && byDay.size === 0 ? (
        <EmptyNotice title={t("slots.noneInMonthTitle", { month: monthName })}>
          {month < lastMonth ? (
            <Button variant="secondary" onClick={() => goToMonth(addMonths(month, 1))}>
              {t("slots.showMonth", { month: fmt.month(addMonths(month, 1)) })}
            </Button>
          ) : (
            <p>{t("slots.horizon", { count: horizonDays })}</p>
          )}
        </EmptyNotice>
      ) : null}
      {chosenDay && dayTimes.length > 0 ? (
        <section className={styles.times} aria-labelledby={`${titleId}-times`}>
          <StepHeading key={chosenDay} level={3} id={`${titleId}-times`} focusOnMount={pickedHere}>
            {t("slots.timesHeading", { date: fmt.date(chosenDay) })}
          </StepHeading>
          <p className={styles.zoneNote}>
            {t("slots.zoneNote", { zone: fmt.timeZone })}
            {fmt.differentZone ? ` ${t("slots.zoneNotePatient", { zone: fmt.patientTimeZone })}` : ""}
          </p>
          {PARTS.map((part) => {
            const label = partLabels[part];
            const inPart = dayTimes.filter((slot) => partOfDay(slot.start, fmt.timeZone) === part);
            if (inPart.length === 0) return null;
            return (
              <div key={part} className={styles.group} role="group" aria-label={label}>
                <h4>{label}</h4>
                <ul className={styles.timeList}>
                  {inPart.map((slot) => {
                    const patientTime = yourTimeText(fmt, t, slot.start);
                    return (
                      <li key={slot.start}>
                        <button
                          type="button"
                          className={styles.time}
                          aria-pressed={selected?.start === slot.start}
                          onClick={() => onSelect(slot)}
                        >
                          <span>{fmt.time(slot.start)}</span>
                          {patientTime ? <span className={styles.patientTime}>{" "}{patientTime}</span> : null}
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
