// Add or edit a service: name, duration, buffers, price and whether patients may book it online.
// Checked with the server's rules (routers/services.ts) before sending; numbers are typed as text
// so that a half-typed value is the person's to finish, not the browser's to blank.
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

function minutes(value: string, label: string, min: number, max: number): number | string {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return trimmed === "" ? `Enter the ${label.toLowerCase()} in minutes` : `${label} must be whole minutes`;
  const n = Number(trimmed);
  if (n < min) return min === 1 ? `${label} must be at least 1 minute` : `${label} cannot be negative`;
  if (n > max) return `${label} is at most ${max} minutes`;
  return n;
}

/** "30", "30.5", "30,50" -> cents; blank -> null (price on request). */
function priceCents(value: string): number | null | string {
  const trimmed = value.trim().replace(",", ".");
  if (trimmed === "") return null;
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return "Enter a price such as 30 or 30.50, or leave it blank";
  const cents = Math.round(Number(trimmed) * 100);
  return cents > 100_000_000 ? "Price is too high" : cents;
}

function check(draft: ServiceDraft): { errors: DraftErrors; values?: ServiceValues } {
  const errors: DraftErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = "Enter a name";
  else if (name.length > 120) errors.name = "Name is too long";
  const duration = minutes(draft.duration, "Duration", 1, 1440);
  const before = minutes(draft.bufferBefore, "Buffer before", 0, 240);
  const after = minutes(draft.bufferAfter, "Buffer after", 0, 240);
  const price = priceCents(draft.price);
  if (typeof duration === "string") errors.duration = duration;
  if (typeof before === "string") errors.bufferBefore = before;
  if (typeof after === "string") errors.bufferAfter = after;
  if (typeof price === "string") errors.price = price;
  if (typeof duration === "string" || typeof before === "string" || typeof after === "string" || typeof price === "string" || errors.name) return { errors };
  return {
    errors,
    values: { name, durationMinutes: duration, bufferBeforeMinutes: before, bufferAfterMinutes: after, priceCents: price, bookableOnline: draft.bookableOnline, active: draft.active },
  };
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
