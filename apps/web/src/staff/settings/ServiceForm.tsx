// Add or edit a service: name, duration, buffers, price and whether patients may book it online.
// Checked with the server's own schema (serviceValues, @frontdesk/domain) before sending; numbers
// are typed as text so that a half-typed value is the person's to finish, not the browser's to blank.
import { serviceValues } from "@frontdesk/domain";
import { useState, type FormEvent } from "react";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/Field";
import { ErrorNotice } from "../../ui/Notice";
import styles from "./settings.module.css";

export interface ServiceValues {
  name: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  priceCents: number | null;
  bookableOnline: boolean;
  active: boolean;
}

interface ServiceDraft {
  name: string;
  duration: string;
  bufferBefore: string;
  bufferAfter: string;
  price: string;
  bookableOnline: boolean;
  active: boolean;
}

type DraftErrors = Partial<Record<"name" | "duration" | "bufferBefore" | "bufferAfter" | "price", string>>;

export function draftOf(values: ServiceValues): ServiceDraft {
  return {
    name: values.name,
    duration: String(values.durationMinutes),
    bufferBefore: String(values.bufferBeforeMinutes),
    bufferAfter: String(values.bufferAfterMinutes),
    price: values.priceCents === null ? "" : (values.priceCents / 100).toFixed(2),
    bookableOnline: values.bookableOnline,
    active: values.active,
  };
}

/** Typed digits as a number; anything else as NaN, which the schema refuses with the field's message. */
const wholeNumberOf = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);

/** "30", "30.5", "30,50" -> cents; blank -> null (price on request); anything else NaN. */
function priceCents(value: string): number | null {
  const trimmed = value.trim().replace(",", ".");
  if (trimmed === "") return null;
  return /^\d+(\.\d{1,2})?$/.test(trimmed) ? Math.round(Number(trimmed) * 100) : Number.NaN;
}

/** Which draft field shows the schema's message for each value. */
const FIELD_OF: Record<string, keyof DraftErrors> = {
  name: "name",
  durationMinutes: "duration",
  bufferBeforeMinutes: "bufferBefore",
  bufferAfterMinutes: "bufferAfter",
  priceCents: "price",
};

function check(draft: ServiceDraft): { errors: DraftErrors; values?: ServiceValues } {
  const parsed = serviceValues.safeParse({
    name: draft.name,
    durationMinutes: wholeNumberOf(draft.duration),
    bufferBeforeMinutes: wholeNumberOf(draft.bufferBefore),
    bufferAfterMinutes: wholeNumberOf(draft.bufferAfter),
    priceCents: priceCents(draft.price),
    bookableOnline: draft.bookableOnline,
    active: draft.active,
  });
  if (parsed.success) return { errors: {}, values: parsed.data };
  const errors: DraftErrors = {};
  for (const issue of parsed.error.issues) {
    const field = FIELD_OF[String(issue.path[0])];
    if (field) errors[field] ??= issue.message;
  }
  return { errors };
}

interface ServiceFormProps {
  initial: ServiceValues;
  currency: string;
  editing: boolean;
  pending: boolean;
  error: string | null;
  submitLabel: string;
  onSubmit: (values: ServiceValues) => void;
  onCancel: () => void;
}

export function ServiceForm({ initial, currency, editing, pending, error, submitLabel, onSubmit, onCancel }: ServiceFormProps) {
  const [draft, setDraft] = useState(() => draftOf(initial));
  const [errors, setErrors] = useState<DraftErrors>({});
  const set = (field: keyof ServiceDraft) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = check(draft);
    setErrors(checked.errors);
    if (checked.values) onSubmit(checked.values);
  }

  return (
    <form onSubmit={submit} noValidate>
      <TextField label="Name" value={draft.name} onChange={set("name")} error={errors.name} maxLength={120} />
      <div className={styles.twoColumns}>
        <TextField label="Duration (minutes)" inputMode="numeric" value={draft.duration} onChange={set("duration")} error={errors.duration} />
        <TextField label={`Price (${currency})`} hint="Blank: price on request" inputMode="decimal" value={draft.price} onChange={set("price")} error={errors.price} />
        <TextField label="Buffer before (minutes)" hint="Kept free before each appointment" inputMode="numeric" value={draft.bufferBefore} onChange={set("bufferBefore")} error={errors.bufferBefore} />
        <TextField label="Buffer after (minutes)" hint="Kept free after each appointment" inputMode="numeric" value={draft.bufferAfter} onChange={set("bufferAfter")} error={errors.bufferAfter} />
      </div>
      <label className={styles.checkbox}>
        <input type="checkbox" checked={draft.bookableOnline} onChange={(e) => setDraft({ ...draft, bookableOnline: e.target.checked })} />
        Patients can book it online
      </label>
      {editing ? (
        <label className={styles.checkbox}>
          <input type="checkbox" checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.checked })} />
          Active: offered for new appointments
        </label>
      ) : null}
      {error ? <ErrorNotice title="Not saved" message={error} /> : null}
      <div className={styles.formActions}>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
