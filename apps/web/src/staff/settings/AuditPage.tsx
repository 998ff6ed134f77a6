// The clinic's audit log: who changed what and when, newest first, filtered by what the API
// supports (kind of record, record id, person, patient found by name, date range) and read a page at a time.
import { addDays, countryForTimeZone, formatPhone, formatPrice, instantAt, type DateFormat } from "@frontdesk/domain";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useDateFormat } from "../../lib/useDateFormat";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/Field";
import { EmptyNotice, ErrorNotice } from "../../ui/Notice";
import { useStaffSession } from "../StaffLayout";
import { describeChanges, type ChangeFormats } from "./audit-changes";
import { AuditPatientFilter } from "./AuditPatientFilter";
import { saveCsv, toCsv } from "../../lib/csv";
import { Loading } from "../../ui/Loading";
import styles from "./settings.module.css";
import type { AuditEntry, AuditFilters } from "./types";

const STAFF_LOCALE = "en-GB";
const PAGE_SIZE = 25;
const ENTITIES: Record<string, string> = {
  appointment: "Appointments",
  patient: "Patients",
  practitioner: "Practitioners",
  service: "Services",
  working_hours: "Weekly hours",
  schedule_exception: "Time off",
  clinic: "Clinic settings",
  membership: "Staff",
  invitation: "Invitations",
};

interface FilterDraft {
  entity: string;
  entityId: string;
  actorUserId: string;
  fromDate: string;
  toDate: string;
  /** Set from an entry ("Only this patient"): the patient's record and appointments. */
  patient: { id: string; name: string } | null;
}

const NO_FILTERS: FilterDraft = { entity: "", entityId: "", actorUserId: "", fromDate: "", toDate: "", patient: null };

/** The API's filters for a draft; dates are the clinic's, the last one included. */
function filtersOf(draft: FilterDraft, timeZone: string): Omit<AuditFilters, "cursor"> {
  return {
    limit: PAGE_SIZE,
    ...(draft.entity ? { entity: draft.entity } : {}),
    ...(draft.entityId.trim() ? { entityId: draft.entityId.trim() } : {}),
    ...(draft.actorUserId ? { actorUserId: draft.actorUserId } : {}),
    ...(draft.patient ? { patientId: draft.patient.id } : {}),
    ...(draft.fromDate ? { from: instantAt(draft.fromDate, "00:00", timeZone) } : {}),
    ...(draft.toDate ? { to: instantAt(addDays(draft.toDate, 1), "00:00", timeZone) } : {}),
  };
}

export function AuditPage() {
  const trpc = useTRPC();
  const { membership } = useStaffSession();
  const timeZone = membership.timezone;
  const [draft, setDraft] = useState<FilterDraft>(NO_FILTERS);
  const [applied, setApplied] = useState<FilterDraft>(NO_FILTERS);
  const [rangeError, setRangeError] = useState<string | undefined>();
  const staff = useQuery(trpc.clinic.staff.list.queryOptions());
  const entries = useInfiniteQuery(
    trpc.clinic.audit.list.infiniteQueryOptions(filtersOf(applied, timeZone), { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  // Times in the clinic's zone and locale, money in its currency (the settings say which).
  const settings = useQuery(trpc.clinic.settings.get.queryOptions());
  const format = useDateFormat(localeOrDefault(settings.data?.locale), timeZone);
  const changeFormats: ChangeFormats = {
    money: (cents) => formatPrice(cents, settings.data?.currency ?? "EUR", format.locale) ?? String(cents),
    dateTime: (iso) => format.dateTime(iso),
    // As the patient's record shows it: "06 12 34 56 78" for a French clinic.
    phone: (stored) => formatPhone(stored, countryForTimeZone(timeZone)) ?? stored,
  };
  const onlyPatient = (patient: { id: string; name: string } | null) => {
    const next = { ...draft, patient };
    setDraft(next);
    setApplied(next);
  };
  const entityId = useId();
  const actorId = useId();

  function apply(event: FormEvent) {
    event.preventDefault();
    // Like the server: the range must end after it starts.
    const problem = draft.fromDate && draft.toDate && draft.toDate < draft.fromDate ? "The last day must not be before the first" : undefined;
    setRangeError(problem);
    if (!problem) setApplied(draft);
  }

  const set = (field: Exclude<keyof FilterDraft, "patient">) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <form onSubmit={apply} noValidate aria-label="Filter the audit log">
        <div className={styles.twoColumns}>
          <div className={styles.field}>
            <label htmlFor={entityId}>Kind of record</label>
            <select id={entityId} className={styles.select} value={draft.entity} onChange={set("entity")}>
              <option value="">All</option>
              {Object.entries(ENTITIES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className={styles.field}>
            <label htmlFor={actorId}>Changed by</label>
            <select id={actorId} className={styles.select} value={draft.actorUserId} onChange={set("actorUserId")}>
              <option value="">Anyone</option>
              {(staff.data?.members ?? []).map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <TextField label="From (first day)" type="date" value={draft.fromDate} onChange={set("fromDate")} />
          <TextField label="To (last day)" type="date" value={draft.toDate} onChange={set("toDate")} error={rangeError} />
          <TextField label="Record id" hint="Optional: one record's history" value={draft.entityId} onChange={set("entityId")} maxLength={64} />
          {/* Choosing a patient filters at once, like "Only …" on an entry. */}
          <AuditPatientFilter key={applied.patient?.id ?? "every patient"} value={applied.patient} onChange={onlyPatient} timeZone={timeZone} />
        </div>
        {applied.patient ? (
          <p role="status">
            Only entries about <strong>{applied.patient.name}</strong> (their record and appointments).{" "}
            <Button variant="link" onClick={() => onlyPatient(null)}>
              Show every patient
            </Button>
          </p>
        ) : null}
        <div className={styles.formActions}>
          <Button type="submit">Show entries</Button>
          <Button
            variant="secondary"
            onClick={() => {
              setDraft(NO_FILTERS);
              setApplied(NO_FILTERS);
              setRangeError(undefined);
            }}
          >
            Clear filters
          </Button>
        </div>
      </form>
      {entries.isPending ? (
        <Loading label="Loading the audit log…" />
      ) : entries.isError ? (
        <ErrorNotice title="The audit log could not be loaded" message={describeFailure(entries.error).message} onRetry={() => void entries.refetch()} />
      ) : items.length === 0 ? (
        <EmptyNotice title="No entries match these filters" />
      ) : (
        <>
          <p>
            <Button variant="secondary" onClick={() => downloadCsv(items, format, changeFormats)}>
              Download these entries (CSV)
            </Button>
          </p>
          <ol className={styles.list} aria-label="Audit entries, newest first">
            {items.map((entry) => (
              <AuditRow key={entry.id} entry={entry} when={format.dateTime(entry.at)} formats={changeFormats} onlyPatient={applied.patient ? undefined : onlyPatient} />
            ))}
          </ol>
          {entries.hasNextPage ? (
            <Button variant="secondary" onClick={() => void entries.fetchNextPage()} disabled={entries.isFetchingNextPage}>
              {entries.isFetchingNextPage ? "Loading…" : "Show older entries"}
            </Button>
          ) : (
            <p className={styles.muted}>That is the oldest entry.</p>
          )}
        </>
      )}
    </section>
  );
}

/** Who acted when it was not a member (audit_log.actor_kind). */
const ACTORS: Record<string, string> = {
  user: "A former member",
  system: "The system",
  operator: "The service operator",
  api_key: "A program (API key)",
  online_booking: "A patient (online)",
  patient_link: "A patient (link in a message)",
};

const whoDid = (entry: AuditEntry) => entry.actorName ?? ACTORS[entry.actorKind] ?? "Someone outside the clinic";

function AuditRow({ entry, when, formats, onlyPatient }: { entry: AuditEntry; when: string; formats: ChangeFormats; onlyPatient: ((patient: { id: string; name: string }) => void) | undefined }) {
  const changes = describeChanges(entry.changes, formats);
  const patient = entry.patientId && entry.entityName ? { id: entry.patientId, name: entry.entityName } : null;
  return (
    <li className={styles.row}>
      <div>
        <div>
          <strong>{whoDid(entry)}</strong> · {entry.action.replace(/_/g, " ")} · {ENTITIES[entry.entity] ?? entry.entity}
          {entry.entityName ? <> · {entry.entityName}</> : null}
        </div>
        <div className={styles.muted}>
          <time dateTime={entry.at}>{when}</time>
          {entry.entityName ? null : <> · record {entry.entityId}</>}
          {patient && onlyPatient ? (
            <>
              {" "}
              ·{" "}
              <Button variant="link" onClick={() => onlyPatient(patient)}>
                Only {patient.name}
              </Button>
            </>
          ) : null}
        </div>
        {changes.length > 0 ? (
          <ul className={styles.changes}>
            {changes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  );
}

/** The entries shown, as a CSV file the browser saves (lib/csv.ts defuses formulas). */
function downloadCsv(items: AuditEntry[], format: DateFormat, formats: ChangeFormats) {
  const csv = toCsv(
    ["When", "Who", "Action", "Kind of record", "Record", "Record id", "Changes"],
    items.map((entry) => [format.dateTime(entry.at), whoDid(entry), entry.action, ENTITIES[entry.entity] ?? entry.entity, entry.entityName ?? "", entry.entityId ?? "", describeChanges(entry.changes, formats).join("; ")]),
  );
  saveCsv("audit-log.csv", csv);
}

/** The clinic's locale when this browser can format in it. */
function localeOrDefault(locale: string | undefined): string {
  try {
    return locale && Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : STAFF_LOCALE;
  } catch {
    return STAFF_LOCALE;
  }
}
