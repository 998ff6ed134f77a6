// Edits a patient's contact details. Only the fields that changed are sent, with the version the
// form was opened on: when a colleague saved in between, the server refuses (CONFLICT), and the
// form reloads their version instead of overwriting it. The server's refusals land on their fields.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { TextAreaField, TextField } from "../../ui/Field";
import type { PatientRecord, PatientUpdateInput } from "./types";
import styles from "./patients.module.css";

type EditableField = "fullName" | "email" | "phone" | "dateOfBirth" | "notes";
type Draft = Record<EditableField, string>;

const draftOf = (patient: PatientRecord): Draft => ({
  fullName: patient.fullName,
  email: patient.email ?? "",
  phone: patient.phone ?? "",
  dateOfBirth: patient.dateOfBirth ?? "",
  notes: patient.notes ?? "",
});

/** The fields that differ from the record; an emptied optional field is sent as null (cleared). */
export function changesFrom(patient: PatientRecord, draft: Draft): PatientUpdateInput {
  const before = draftOf(patient);
  const patch: PatientUpdateInput = { patientId: patient.id, expectedUpdatedAt: patient.updatedAt };
  if (draft.fullName.trim() !== before.fullName) patch.fullName = draft.fullName.trim();
  for (const field of ["email", "phone", "dateOfBirth", "notes"] as const) {
    const value = draft[field].trim();
    if (value !== before[field]) patch[field] = value === "" ? null : value;
  }
  return patch;
}

export function EditPatientDialog({ patient, onClose, onSaved }: { patient: PatientRecord; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The version being edited: the one opened, or the colleague's after a conflict.
  const [base, setBase] = useState(patient);
  const [draft, setDraft] = useState<Draft>(() => draftOf(patient));
  const update = useMutation(
    trpc.patients.update.mutationOptions({
      onSuccess: async () => {
        // The record and every search that might list it under its old name.
        await queryClient.invalidateQueries(trpc.patients.pathFilter());
        onSaved();
      },
      onError: async (error) => {
        if (describeFailure(error).kind !== "conflict") return;
        // Start again from what is saved now: re-sending the old form would undo the colleague's change.
        const fresh = await queryClient.fetchQuery({ ...trpc.patients.get.queryOptions({ patientId: patient.id }), staleTime: 0 });
        setBase(fresh.patient);
        setDraft(draftOf(fresh.patient));
      },
    }),
  );
  const failure = update.isError ? describeFailure(update.error) : null;
  const fieldErrors = failure?.kind === "invalid" ? failure.fieldErrors : {};
  const errorOf = (field: EditableField) => fieldErrors[field]?.[0];
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;

  const bind = (field: EditableField) => ({
    value: draft[field],
    error: errorOf(field),
    onChange: (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [field]: event.target.value })),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const patch = changesFrom(base, draft);
    // Only the id and the version: nothing changed.
    if (Object.keys(patch).length === 2) return onClose();
    update.mutate(patch);
  }

  return (
    <Dialog title={`Edit ${patient.fullName}`} onClose={onClose} size="wide">
      <form onSubmit={submit} noValidate>
        <TextField label="Full name" autoComplete="off" required {...bind("fullName")} />
        <TextField label="Phone" type="tel" autoComplete="off" {...bind("phone")} />
        <TextField label="E-mail address" type="email" autoComplete="off" {...bind("email")} />
        <TextField label="Date of birth" type="date" hint="Leave empty if unknown." {...bind("dateOfBirth")} />
        <TextAreaField label="Notes" hint="Seen by every member of staff." {...bind("notes")} />
        {failure?.kind === "conflict" ? (
          <p role="alert" className={styles.formError}>
            {failure.message}. The form now shows the saved details: make your change again.
          </p>
        ) : failure && !hasFieldErrors ? (
          <p role="alert" className={styles.formError}>
            {failure.message}
          </p>
        ) : null}
        {hasFieldErrors ? (
          <p role="alert" className={styles.formError}>
            Some details need correcting: see the fields above.
          </p>
        ) : null}
        <div className={styles.dialogActions}>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save changes"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
