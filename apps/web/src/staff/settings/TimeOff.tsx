// A practitioner's time off (and extra hours) for the year ahead: listed in the clinic's clock,
// added as dates and times on that clock, removed one by one.
import { addDays, addExceptionInput, fields, instantAt, todayIn } from "@frontdesk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { describeFailure, summarizeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useEnvironment } from "../../environment";
import { useDateFormat } from "../../lib/useDateFormat";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/Field";
import { EmptyNotice, ErrorNotice } from "../../ui/Notice";
import { useStaffSession } from "../StaffLayout";
import { Loading } from "../../ui/Loading";
import styles from "./settings.module.css";
import type { ScheduleException, SettingsPractitioner } from "./types";
import type { z } from "zod";

type AddExceptionInput = z.output<typeof addExceptionInput>;

const STAFF_LOCALE = "en-GB";
const KIND_NAMES = { unavailable: "Time off", available: "Extra hours" } as const;
type Kind = keyof typeof KIND_NAMES;

export function TimeOff({ practitioner }: { practitioner: SettingsPractitioner }) {
  const trpc = useTRPC();
  const { membership } = useStaffSession();
  const { now } = useEnvironment();
  const timeZone = membership.timezone;
  const today = todayIn(timeZone, now());
  const range = { practitionerId: practitioner.id, from: instantAt(today, "00:00", timeZone), to: instantAt(addDays(today, 366), "00:00", timeZone) };
  const exceptions = useQuery(trpc.schedule.exceptions.list.queryOptions(range));
  const format = useDateFormat(STAFF_LOCALE, timeZone);

  return (
    <>
      <h3>Time off of {practitioner.displayName}</h3>
      <p className={styles.muted}>The coming year, in the clinic&apos;s time ({timeZone}).</p>
      {exceptions.isPending ? (
        <Loading label="Loading the time off…" />
      ) : exceptions.isError ? (
        <ErrorNotice title="The time off could not be loaded" message={describeFailure(exceptions.error).message} onRetry={() => void exceptions.refetch()} />
      ) : exceptions.data.length === 0 ? (
        <EmptyNotice title="No time off planned" />
      ) : (
        <ul className={styles.list} aria-label={`Time off of ${practitioner.displayName}`}>
          {exceptions.data.map((exception) => (
            <ExceptionRow key={exception.id} exception={exception} describe={(e) => `${format.dateTime(e.startsAt)} – ${format.dateTime(e.endsAt)}`} />
          ))}
        </ul>
      )}
      <AddTimeOff practitionerId={practitioner.id} timeZone={timeZone} today={today} />
    </>
  );
}

function ExceptionRow({ exception, describe }: { exception: ScheduleException; describe: (e: ScheduleException) => string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.schedule.exceptions.remove.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.schedule.exceptions.list.pathFilter()),
    }),
  );
  const when = describe(exception);
  return (
    <li className={styles.row}>
      <div>
        <strong>{KIND_NAMES[exception.kind]}</strong>: {when}
        {exception.reason ? <span className={styles.muted}> ({exception.reason})</span> : null}
        {remove.isError ? <p role="alert" className={styles.fieldError}>{summarizeFailure(remove.error)}</p> : null}
      </div>
      <Button
        variant="secondary"
        aria-label={`Remove ${KIND_NAMES[exception.kind].toLowerCase()} ${when}`}
        disabled={remove.isPending}
        onClick={() => remove.mutate({ exceptionId: exception.id })}
      >
        Remove
      </Button>
    </li>
  );
}

interface TimeOffDraft {
  kind: Kind;
  fromDate: string;
  fromTime: string;
  untilDate: string;
  untilTime: string;
  reason: string;
}

type DraftErrors = Partial<Record<keyof TimeOffDraft, string>>;

/** Which field shows the server schema's message for each part of schedule.exceptions.add's input. */
const FIELD_OF: Partial<Record<string, keyof TimeOffDraft>> = { startsAt: "fromTime", endsAt: "untilTime", reason: "reason" };

/** Checked with the server's own schemas (@frontdesk/domain): real dates and times, end after start, at most a year, a short reason. */
function checkTimeOff(draft: TimeOffDraft, practitionerId: string, timeZone: string): { errors: DraftErrors; input?: AddExceptionInput } {
  const errors: DraftErrors = {};
  const fieldChecks: Array<[keyof TimeOffDraft, z.ZodType, string]> = [
    ["fromDate", fields.localDate, draft.fromDate],
    ["untilDate", fields.localDate, draft.untilDate],
    ["fromTime", fields.wallTime("Enter a start time"), draft.fromTime],
    ["untilTime", fields.wallTimeEnd("Enter an end time"), draft.untilTime],
  ];
  for (const [field, schema, value] of fieldChecks) {
    const parsed = schema.safeParse(value);
    if (!parsed.success) errors[field] = field.endsWith("Date") && value === "" ? (field === "fromDate" ? "Enter the first day" : "Enter the last day") : parsed.error.issues[0]!.message;
  }
  if (Object.keys(errors).length > 0) return { errors };
  const parsed = addExceptionInput.safeParse({
    practitionerId,
    kind: draft.kind,
    startsAt: instantAt(draft.fromDate, draft.fromTime, timeZone),
    endsAt: instantAt(draft.untilDate, draft.untilTime, timeZone),
    reason: draft.reason.trim() || undefined,
  });
  if (parsed.success) return { errors, input: parsed.data };
  for (const issue of parsed.error.issues) {
    const field = FIELD_OF[String(issue.path[0])];
    if (field) errors[field] ??= issue.message;
  }
  return { errors };
}

function AddTimeOff({ practitionerId, timeZone, today }: { practitionerId: string; timeZone: string; today: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const kindId = useId();
  const blank: TimeOffDraft = { kind: "unavailable", fromDate: today, fromTime: "00:00", untilDate: today, untilTime: "24:00", reason: "" };
  const [draft, setDraft] = useState<TimeOffDraft>(blank);
  const [errors, setErrors] = useState<DraftErrors>({});
  const add = useMutation(
    trpc.schedule.exceptions.add.mutationOptions({
      onSuccess: async () => {
        setDraft(blank);
        await queryClient.invalidateQueries(trpc.schedule.exceptions.list.pathFilter());
      },
    }),
  );
  const set = (field: keyof TimeOffDraft) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkTimeOff(draft, practitionerId, timeZone);
    setErrors(checked.errors);
    if (checked.input) add.mutate(checked.input);
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Add time off">
      <h4>Add time off or extra hours</h4>
      <div className={styles.field}>
        <label htmlFor={kindId}>Kind</label>
        <select id={kindId} className={styles.select} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as Kind })}>
          <option value="unavailable">Time off (not bookable)</option>
          <option value="available">Extra hours (bookable)</option>
        </select>
      </div>
      <div className={styles.twoColumns}>
        <TextField label="First day" type="date" value={draft.fromDate} onChange={set("fromDate")} error={errors.fromDate} />
        <TextField label="From" hint="HH:MM" inputMode="numeric" value={draft.fromTime} onChange={set("fromTime")} error={errors.fromTime} />
        <TextField label="Last day" type="date" value={draft.untilDate} onChange={set("untilDate")} error={errors.untilDate} />
        <TextField label="Until" hint="HH:MM; 24:00 is the end of the day" inputMode="numeric" value={draft.untilTime} onChange={set("untilTime")} error={errors.untilTime} />
      </div>
      <TextField label="Reason (optional)" value={draft.reason} onChange={set("reason")} error={errors.reason} maxLength={200} />
      {add.isError ? <ErrorNotice title="The time off was not added" message={summarizeFailure(add.error)} /> : null}
      <Button type="submit" disabled={add.isPending}>
        {add.isPending ? "Adding…" : "Add"}
      </Button>
    </form>
  );
}
