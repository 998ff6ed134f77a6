// Add or edit a practitioner: name, calendar colour, whether they take bookings, and the services
// they offer. Checked with the server's own schema (practitionerValues, @frontdesk/domain) before sending.
import { practitionerValues } from "@frontdesk/domain";
import { useId, useState, type FormEvent } from "react";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/Field";
import { ErrorNotice } from "../../ui/Notice";
import styles from "./settings.module.css";
import type { SettingsService, StaffMember } from "./types";

export interface PractitionerDraft {
  displayName: string;
  colour: string;
  active: boolean;
  serviceIds: string[];
  /** The staff sign-in whose calendar this is (a practitioner edits their own hours); null for none. */
  userId: string | null;
}

interface PractitionerFormProps {
  initial: PractitionerDraft;
  services: readonly SettingsService[];
  /** Staff members a practitioner can be linked to; empty while the staff list is unknown. */
  members: readonly StaffMember[];
  /** Offer the active switch (a new practitioner starts active). */
  editing: boolean;
  pending: boolean;
  error: string | null;
  submitLabel: string;
  onSubmit: (draft: PractitionerDraft) => void;
  onCancel: () => void;
}

function check(draft: PractitionerDraft) {
  const errors: { displayName?: string; colour?: string } = {};
  const parsed = practitionerValues.safeParse({ displayName: draft.displayName, colour: draft.colour });
  for (const issue of parsed.error?.issues ?? []) {
    const field = issue.path[0];
    if (field === "displayName" || field === "colour") errors[field] ??= issue.message;
  }
  return errors;
}

export function PractitionerForm({ initial, services, members, editing, pending, error, submitLabel, onSubmit, onCancel }: PractitionerFormProps) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<ReturnType<typeof check>>({});
  const colourId = useId();
  const signInId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = check(draft);
    setErrors(found);
    if (Object.keys(found).length === 0) onSubmit({ ...draft, displayName: draft.displayName.trim() });
  }

  const toggleService = (id: string, on: boolean) =>
    setDraft({ ...draft, serviceIds: on ? [...draft.serviceIds, id] : draft.serviceIds.filter((s) => s !== id) });

  return (
    <form onSubmit={submit} noValidate>
      <TextField label="Name" value={draft.displayName} onChange={(e) => setDraft({ ...draft, displayName: e.target.value })} error={errors.displayName} maxLength={120} />
      <div className={styles.field}>
        <label htmlFor={colourId}>Calendar colour</label>
        <input
          id={colourId}
          type="color"
          className={styles.input}
          value={draft.colour}
          aria-invalid={errors.colour ? true : undefined}
          aria-describedby={errors.colour ? `${colourId}-error` : undefined}
          onChange={(e) => setDraft({ ...draft, colour: e.target.value })}
        />
        {errors.colour ? (
          <p id={`${colourId}-error`} className={styles.fieldError}>
            {errors.colour}
          </p>
        ) : null}
      </div>
      <div className={styles.field}>
        <label htmlFor={signInId}>Staff sign-in</label>
        <span id={`${signInId}-hint`} className={styles.muted}>
          The member who sees this calendar as their own and may change its hours
        </span>
        <select
          id={signInId}
          aria-describedby={`${signInId}-hint`}
          className={styles.select}
          value={draft.userId ?? ""}
          onChange={(e) => setDraft({ ...draft, userId: e.target.value || null })}
        >
          <option value="">None</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name} ({m.email})
            </option>
          ))}
        </select>
      </div>
      {editing ? (
        <label className={styles.checkbox}>
          <input type="checkbox" checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.checked })} />
          Active: takes bookings and shows on the calendar
        </label>
      ) : null}
      <fieldset className={styles.checkboxes}>
        <legend>Services offered</legend>
        {services.length === 0 ? <p className={styles.muted}>No services yet.</p> : null}
        {services.map((service) => (
          <label key={service.id} className={styles.checkbox}>
            <input type="checkbox" checked={draft.serviceIds.includes(service.id)} onChange={(e) => toggleService(service.id, e.target.checked)} />
            {service.name}
          </label>
        ))}
      </fieldset>
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
