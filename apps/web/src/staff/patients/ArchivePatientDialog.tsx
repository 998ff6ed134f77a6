// Archiving is the soft delete: the record leaves search but keeps its history. The server
// refuses while appointments are still ahead; its reason is shown here, in the dialog.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import type { PatientRecord } from "./types";
import styles from "./patients.module.css";

export function ArchivePatientDialog({ patient, onClose, onArchived }: { patient: PatientRecord; onClose: () => void; onArchived: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const archive = useMutation(
    trpc.patients.archive.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.patients.pathFilter());
        onArchived();
      },
    }),
  );
  return (
    <Dialog title={`Archive ${patient.fullName}?`} onClose={onClose}>
      <p>
        {patient.fullName} will no longer appear in patient search. Their appointment history is kept, and the record stays reachable from past
        appointments.
      </p>
      {archive.isError ? (
        <p role="alert" className={styles.formError}>
          {describeFailure(archive.error).message}
        </p>
      ) : null}
      <div className={styles.dialogActions}>
        <Button variant="secondary" onClick={onClose}>
          Keep the patient
        </Button>
        <Button variant="danger" onClick={() => archive.mutate({ patientId: patient.id })} disabled={archive.isPending}>
          {archive.isPending ? "Archiving…" : "Archive patient"}
        </Button>
      </div>
    </Dialog>
  );
}
