// One practitioner's weekly hours: several intervals a day, added and removed freely, Monday
// copied to the other weekdays in one go. Checked against the server's rules before anything is
// sent; what the server still refuses is shown above the Save button.
import { summarizeFailure } from "../../api/failure";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useBlocker } from "@tanstack/react-router";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { ErrorNotice, SuccessNotice } from "../../ui/Notice";
import { TimeField } from "../../ui/TimeField";
import styles from "./settings.module.css";
import type { WeeklyInterval } from "./types";
import {
  checkWeek,
  copyMondayToWeekdays,
  draftFrom,
  isUnchanged,
  MAX_INTERVALS_PER_DAY,
  nextIntervalFor,
  WEEKDAY_NAMES,
  WEEKDAYS,
  type DraftInterval,
  type DraftWeek,
  type Weekday,
} from "./week-draft";

interface WeekEditorProps {
  practitionerId: string;
  practitionerName: string;
  intervals: readonly WeeklyInterval[];
}

export function WeekEditor({ practitionerId, practitionerName, intervals }: WeekEditorProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [week, setWeek] = useState<DraftWeek>(() => draftFrom(intervals));
  const [savedIntervals, setSavedIntervals] = useState(intervals);
  const unsaved = !isUnchanged(week, savedIntervals);
  // Another practitioner, another section, or closing the tab would lose the edits: ask first.
  const leaving = useBlocker({ shouldBlockFn: () => unsaved, enableBeforeUnload: () => unsaved, withResolver: true });
  // Errors show once a save was tried, then follow every edit.
  const [showErrors, setShowErrors] = useState(false);
  // Counts refused saves, so that each one renders (and moves focus) even when nothing else changed.
  const [, setRefusedSaves] = useState(0);
  const [saved, setSaved] = useState(false);
  // Which field takes focus after the next render (a new interval, the first error, …).
  const focusAfterRender = useRef<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const inputs = useRef(new Map<string, HTMLElement>());

  const save = useMutation(
    trpc.schedule.setWeek.mutationOptions({
      onSuccess: (answer) => {
        queryClient.setQueryData(trpc.schedule.getWeek.queryKey({ practitionerId }), answer);
        void queryClient.invalidateQueries(trpc.calendar.range.pathFilter());
        setWeek(draftFrom(answer.intervals));
        setSavedIntervals(answer.intervals);
        setShowErrors(false);
        setSaved(true);
      },
    }),
  );

  const check = checkWeek(week);
  const errorsShown = showErrors && check.count > 0;

  useEffect(() => {
    const key = focusAfterRender.current;
    if (!key) return;
    focusAfterRender.current = null;
    const target = inputs.current.get(key);
    (target instanceof HTMLInputElement ? target : target?.querySelector("button"))?.focus();
  });

  // Ref callbacks: the map is read only in effects, never during render.
  const register = (key: string) => (element: HTMLElement | null) => {
    if (element) inputs.current.set(key, element);
    else inputs.current.delete(key);
  };

  function edit(next: DraftWeek) {
    setWeek(next);
    setSaved(false);
    save.reset();
  }

  function setDay(day: Weekday, intervalsOfDay: DraftInterval[]) {
    edit({ ...week, [day]: intervalsOfDay });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!check.intervals) {
      setShowErrors(true);
      setRefusedSaves((n) => n + 1);
      // Land on the first field at fault; the summary above says how many there are.
      const firstKey = WEEKDAYS.flatMap((d) => week[d]).find((i) => check.fields.has(i.key))?.key;
      if (firstKey) focusAfterRender.current = `${firstKey}:${check.fields.get(firstKey)?.start ? "start" : "end"}`;
      else summaryRef.current?.focus();
      return;
    }
    save.mutate({ practitionerId, intervals: check.intervals });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Weekly hours of ${practitionerName}`}>
      <p className={styles.muted}>Times are the clinic&apos;s wall-clock times, HH:MM. An interval may end at 24:00 (midnight).</p>
      {WEEKDAYS.map((day) => (
        <DayFieldset
          key={day}
          day={day}
          intervals={week[day]}
          check={check}
          showErrors={showErrors}
          register={register}
          onChange={(next) => setDay(day, next)}
          onRemove={(key) => {
            setDay(day, week[day].filter((i) => i.key !== key));
            focusAfterRender.current = `actions:${day}`;
          }}
          onAdd={() => {
            const added = nextIntervalFor(week[day]);
            setDay(day, [...week[day], added]);
            focusAfterRender.current = `${added.key}:start`;
          }}
          onCopyMonday={day === 1 ? () => edit(copyMondayToWeekdays(week)) : undefined}
        />
      ))}
      <div ref={summaryRef} tabIndex={-1}>
        {errorsShown ? (
          <p role="alert" className={styles.fieldError}>
            Nothing was saved: {check.count === 1 ? "one thing needs" : `${check.count} things need`} fixing above.
          </p>
        ) : null}
        {save.isError ? <ErrorNotice title="The hours were not saved" message={summarizeFailure(save.error)} /> : null}
        {saved ? <SuccessNotice title={`Weekly hours saved for ${practitionerName}.`} /> : null}
      </div>
      <div className={styles.formActions}>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save weekly hours"}
        </Button>
        {unsaved ? <span className={styles.muted}>Unsaved changes</span> : null}
      </div>
      {leaving.status === "blocked" ? (
        <Dialog title="Leave without saving?" onClose={leaving.reset}>
          <p>The changes to {practitionerName}&apos;s weekly hours have not been saved.</p>
          <div className={styles.formActions}>
            <Button onClick={leaving.reset}>Stay and keep editing</Button>
            <Button variant="secondary" onClick={leaving.proceed}>
              Leave without saving
            </Button>
          </div>
        </Dialog>
      ) : null}
    </form>
  );
}

interface DayFieldsetProps {
  day: Weekday;
  intervals: DraftInterval[];
  check: ReturnType<typeof checkWeek>;
  showErrors: boolean;
  register: (key: string) => (element: HTMLElement | null) => void;
  onChange: (intervals: DraftInterval[]) => void;
  onRemove: (key: string) => void;
  onAdd: () => void;
  onCopyMonday: (() => void) | undefined;
}

function DayFieldset({ day, intervals, check, showErrors, register, onChange, onRemove, onAdd, onCopyMonday }: DayFieldsetProps) {
  const name = WEEKDAY_NAMES[day];
  const dayError = showErrors ? check.days[day] : undefined;
  const update = (key: string, patch: Partial<DraftInterval>) => onChange(intervals.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  return (
    <fieldset className={styles.day}>
      <legend>{name}</legend>
      {intervals.length === 0 ? <p className={styles.closed}>Not working</p> : null}
      {intervals.map((interval, index) => {
        const errors = showErrors ? check.fields.get(interval.key) : undefined;
        const context = `${name} interval ${index + 1}`;
        return (
          <div key={interval.key} className={styles.interval}>
            <TimeField
              ref={register(`${interval.key}:start`)}
              label="Start"
              context={context}
              value={interval.start}
              error={errors?.start}
              onChange={(e) => update(interval.key, { start: e.target.value })}
            />
            <TimeField
              ref={register(`${interval.key}:end`)}
              label="End"
              context={context}
              value={interval.end}
              error={errors?.end}
              onChange={(e) => update(interval.key, { end: e.target.value })}
            />
            {/* The visible word starts the accessible name (WCAG 2.5.3); the rest says which interval. */}
            <Button variant="link" className={styles.intervalRemove} aria-label={`Remove ${context}`} onClick={() => onRemove(interval.key)}>
              Remove
            </Button>
          </div>
        );
      })}
      {dayError ? <p className={styles.fieldError}>{dayError}</p> : null}
      {/* Focus moves to "Add interval" when an interval is removed, rather than falling back to the page. */}
      <div className={styles.dayActions} ref={register(`actions:${day}`)}>
        <Button variant="secondary" aria-label={`Add interval on ${name}`} onClick={onAdd} disabled={intervals.length >= MAX_INTERVALS_PER_DAY}>
          Add interval
        </Button>
        {onCopyMonday ? (
          <Button variant="secondary" onClick={onCopyMonday}>
            Copy Monday to all weekdays
          </Button>
        ) : null}
      </div>
    </fieldset>
  );
}
