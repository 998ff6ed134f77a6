// An admin folds this (duplicate) record into the one to keep (ADR 0036): its appointments,
// messages, waitlist entries and notes move over, and it is archived. The merge is audited with
// every row it moved, and "Split back" on the archived record undoes it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useDebouncedValue } from "../../lib/useDebouncedValue";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { TextField } from "../../ui/Field";
import type { PatientRecord } from "./types";
import styles from "./patients.module.css";

export function MergePatientDialog({ patient, onClose }: { patient: PatientRecord; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [query, setQuery] = useState(patient.fullName);
  const settled = useDebouncedValue(query.trim(), 250);
  const search = useQuery({ ...trpc.patients.search.queryOptions({ query: settled, pageSize: 8 }), enabled: settled.length >= 2 });
  const [keep, setKeep] = useState<{ id: string; fullName: string } | null>(null);
  const merge = useMutation(
    trpc.patients.merge.mutationOptions({
      onSuccess: async (answer) => {
        await queryClient.invalidateQueries(trpc.patients.pathFilter());
        onClose();
        await navigate({ to: "/app/patients/$patientId", params: { patientId: answer.targetId } });
      },
    }),
  );
  const others = (search.data?.items ?? []).filter((p) => p.id !== patient.id);
  return (
    <Dialog title={`Merge ${patient.fullName} into another record`} onClose={onClose}>
      <p>Choose the record to keep. {patient.fullName}'s appointments, messages, waitlist entries and notes move to it, and this record is archived. You can split it back later.</p>
      <TextField label="Find the record to keep" type="search" autoComplete="off" value={query} onChange={(event) => setQuery(event.target.value)} />
      <ul className={styles.list} aria-label="Records to keep">
        {others.map((p) => (
          <li key={p.id} className={styles.row}>
            <label>
              <input type="radio" name="keep" checked={keep?.id === p.id} onChange={() => setKeep(p)} /> {p.fullName} {[p.phone, p.email, p.dateOfBirth].filter(Boolean).join(" · ")}
            </label>
          </li>
        ))}
      </ul>
      {merge.isError ? (
        <p role="alert" className={styles.formError}>
          {describeFailure(merge.error).message}
        </p>
      ) : null}
      <div className={styles.dialogActions}>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="danger" disabled={!keep || merge.isPending} onClick={() => keep && merge.mutate({ sourceId: patient.id, targetId: keep.id })}>
          {merge.isPending ? "Merging…" : keep ? `Merge into ${keep.fullName}` : "Merge"}
        </Button>
      </div>
    </Dialog>
  );
}

/** On a merged (archived) record: moves back what the merge moved. */
export function SplitBackButton({ patient, onDone }: { patient: PatientRecord; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const unmerge = useMutation(
    trpc.patients.unmerge.mutationOptions({
      onSuccess: async (answer) => {
        await queryClient.invalidateQueries(trpc.patients.pathFilter());
        onDone(`${patient.fullName} is a record of its own again: ${answer.moved.appointments} appointment(s) moved back`);
      },
    }),
  );
  return (
    <>
      <Button variant="secondary" onClick={() => unmerge.mutate({ sourceId: patient.id })} disabled={unmerge.isPending}>
        Split back
      </Button>
      {unmerge.isError ? <span role="alert">{describeFailure(unmerge.error).message}</span> : null}
    </>
  );
}
