// The patient's right to erasure (ADR 0038): an owner or admin anonymises the record for good.
// The server refuses inside the clinic's legal retention period or while a visit is ahead, and
// says why; the dialog shows its reason.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import type { PatientRecord } from "./types";
import styles from "./patients.module.css";

export function ErasePatient({ patient, onErased }: { patient: PatientRecord; onErased: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const erase = useMutation(
    trpc.patients.erase.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.patients.pathFilter());
        setOpen(false);
        onErased(`${patient.fullName} was erased. Their appointments stay, anonymous, in the clinic's history.`);
      },
    }),
  );
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Erase
      </Button>
      {open ? (
        <Dialog title={`Erase ${patient.fullName}?`} onClose={() => setOpen(false)}>
          <p>
            This cannot be undone. Name, contact details and notes are removed, with the clinical notes, the intake answers and the addresses
            messages went to. The appointments stay, anonymous, for the clinic&apos;s statistics.
          </p>
          {erase.isError ? (
            <p role="alert" className={styles.formError}>
              {describeFailure(erase.error).message}
            </p>
          ) : null}
          <div className={styles.dialogActions}>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Keep the patient
            </Button>
            <Button variant="danger" onClick={() => erase.mutate({ patientId: patient.id })} disabled={erase.isPending}>
              {erase.isPending ? "Erasing…" : "Erase for good"}
            </Button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
