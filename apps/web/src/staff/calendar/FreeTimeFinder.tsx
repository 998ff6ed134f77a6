// The booking dialog's free-time finder: the next free times of the chosen service (and
// practitioner, or anyone) from the engine, today, this week or the next available, by part of
// the day. One click on a time books it. Staff may look outside the online rules on purpose;
// each such time says which rule it breaks (ADR 0033).
import { FREE_TIME_WINDOWS, ONLINE_RULES, TIMES_OF_DAY, type DateFormat, type OnlineRule } from "@frontdesk/domain";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { ErrorNotice } from "../../ui/Notice";
import styles from "./calendar.module.css";

const WINDOW_NAMES: Record<(typeof FREE_TIME_WINDOWS)[number], string> = { today: "Today", week: "This week", next: "Next available" };
const PART_NAMES: Record<(typeof TIMES_OF_DAY)[number], string> = { morning: "Morning", afternoon: "Afternoon", evening: "Evening" };

export interface FreeTimePick {
  start: string;
  practitionerId: string;
}

export function FreeTimeFinder({
  serviceId,
  practitionerId,
  format,
  practitionerNames,
  disabled,
  onPick,
}: {
  serviceId: string;
  /** Null: anyone who offers the service. */
  practitionerId: string | null;
  /** The clinic's locale and zone (the shared domain format). */
  format: DateFormat;
  practitionerNames: ReadonlyMap<string, string>;
  disabled: boolean;
  onPick: (pick: FreeTimePick) => void;
}) {
  const trpc = useTRPC();
  const [within, setWithin] = useState<(typeof FREE_TIME_WINDOWS)[number]>("next");
  const [part, setPart] = useState<(typeof TIMES_OF_DAY)[number] | "">("");
  const [outsideRules, setOutsideRules] = useState(false);
  const times = useQuery({
    ...trpc.appointments.freeTimes.queryOptions({
      serviceId,
      ...(practitionerId ? { practitionerId } : {}),
      within,
      ...(part ? { timeOfDay: part } : {}),
      outsideRules,
      limit: 8,
    }),
    enabled: serviceId !== "",
  });

  return (
    <fieldset className={styles.finder}>
      <legend>Free times</legend>
      <div className={styles.finderFilters}>
        <div role="group" aria-label="When">
          {FREE_TIME_WINDOWS.map((w) => (
            <button key={w} type="button" aria-pressed={within === w} onClick={() => setWithin(w)}>
              {WINDOW_NAMES[w]}
            </button>
          ))}
        </div>
        <label>
          Time of day{" "}
          <select value={part} onChange={(event) => setPart(event.target.value as typeof part)}>
            <option value="">Any time</option>
            {TIMES_OF_DAY.map((p) => (
              <option key={p} value={p}>
                {PART_NAMES[p]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={outsideRules} onChange={(event) => setOutsideRules(event.target.checked)} /> Include times outside the online rules
        </label>
      </div>
      {times.isError ? (
        <ErrorNotice title="The free times could not be loaded" message={describeFailure(times.error).message} onRetry={() => void times.refetch()} />
      ) : times.isPending ? (
        <p aria-busy="true">Looking for free times…</p>
      ) : times.data.slots.length === 0 ? (
        <p>No free time {within === "today" ? "today" : within === "week" ? "this week" : "in the next 90 days"}{part ? ` in the ${part}` : ""}.</p>
      ) : (
        <ul className={styles.finderTimes} aria-label="Free times, click one to book it">
          {times.data.slots.map((slot) => {
            const who = practitionerId ?? slot.practitionerIds[0]!;
            const rules = slot.breaks.map((rule: OnlineRule) => ONLINE_RULES[rule]);
            return (
              <li key={`${slot.start}-${who}`}>
                <button type="button" disabled={disabled} onClick={() => onPick({ start: slot.start, practitionerId: who })}>
                  Book {format.dateTime(slot.start)}
                  {practitionerId ? "" : ` with ${practitionerNames.get(who) ?? "a practitioner"}`}
                </button>
                {rules.length ? <span className={styles.finderRule}> Outside the online rules: {rules.join("; ")}</span> : null}
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
