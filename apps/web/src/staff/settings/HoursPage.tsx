// Weekly hours and time off, one practitioner at a time (chosen in the URL, so a link opens the same week).
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useId } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { EmptyNotice, ErrorNotice } from "../../ui/Notice";
import { Loading } from "../../ui/Loading";
import { settingsHoursRoute } from "./routes";
import { TimeOff } from "./TimeOff";
import { WeekEditor } from "./WeekEditor";
import styles from "./settings.module.css";
import type { SettingsPractitioner } from "./types";

export function HoursPage() {
  const trpc = useTRPC();
  const search = settingsHoursRoute.useSearch();
  const navigate = useNavigate({ from: "/app/settings/hours" });
  const pickerId = useId();
  const practitioners = useSuspenseQuery(trpc.practitioners.list.queryOptions({ includeInactive: true }));

  if (practitioners.data.length === 0) {
    return (
      <EmptyNotice title="No practitioners yet">
        <p>Add a practitioner first; then set their weekly hours here.</p>
      </EmptyNotice>
    );
  }
  const chosen = practitioners.data.find((p) => p.id === search.practitioner) ?? practitioners.data[0]!;

  return (
    <section aria-labelledby={`${pickerId}-heading`}>
      <h2 id={`${pickerId}-heading`}>Hours and time off</h2>
      <div className={styles.toolbar}>
        <label htmlFor={pickerId}>Practitioner</label>
        <select
          id={pickerId}
          className={styles.select}
          value={chosen.id}
          onChange={(event) => void navigate({ search: { practitioner: event.target.value } })}
        >
          {practitioners.data.map((p) => (
            <option key={p.id} value={p.id}>
              {p.active ? p.displayName : `${p.displayName} (inactive)`}
            </option>
          ))}
        </select>
      </div>
      <PractitionerWeek practitioner={chosen} />
      <TimeOff key={chosen.id} practitioner={chosen} />
    </section>
  );
}

function PractitionerWeek({ practitioner }: { practitioner: SettingsPractitioner }) {
  const trpc = useTRPC();
  const week = useQuery(trpc.schedule.getWeek.queryOptions({ practitionerId: practitioner.id }));
  return (
    <>
      <h3>Weekly hours of {practitioner.displayName}</h3>
      {week.isPending ? (
        <Loading label="Loading the weekly hours…" />
      ) : week.isError ? (
        <ErrorNotice title="The weekly hours could not be loaded" message={describeFailure(week.error).message} onRetry={() => void week.refetch()} />
      ) : (
        // A fresh editor per practitioner: a half-edited week never leaks into another's.
        <WeekEditor key={practitioner.id} practitionerId={practitioner.id} practitionerName={practitioner.displayName} intervals={week.data.intervals} />
      )}
    </>
  );
}
