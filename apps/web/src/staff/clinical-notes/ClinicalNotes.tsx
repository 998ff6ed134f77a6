// Clinical notes (ADR 0026) on the patient's page and in the appointment dialog, for the roles the
// permission table lets read them. A note is a draft saved as it is typed until its author signs
// it; a signed note is read-only, and a correction is an amendment shown under it.
// Shared by the patients and calendar features, like the staff shell: it imports neither.
import type { RouterOutputs } from "@frontdesk/api";
import { can, type DateFormat } from "@frontdesk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { describeFailure, summarizeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useDebouncedCallback } from "../../lib/useDebouncedCallback";
import { Button } from "../../ui/Button";
import { TextAreaField } from "../../ui/Field";
import { ErrorNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import { useStaffSession } from "../StaffLayout";
import styles from "./clinical-notes.module.css";

type Note = RouterOutputs["notes"]["list"]["notes"][number];
type Content = Note["content"];

/** How long typing pauses before the draft is saved. */
const AUTOSAVE_MS = 800;

export function ClinicalNotes({ patientId, appointmentId, sections = [], format }: { patientId: string; appointmentId?: string; sections?: readonly string[]; format: DateFormat }) {
  const { membership } = useStaffSession();
  if (!can(membership.role, "notes.list")) return null;
  return <NotesList patientId={patientId} appointmentId={appointmentId} sections={sections} format={format} />;
}

function NotesList({ patientId, appointmentId, sections, format }: { patientId: string; appointmentId: string | undefined; sections: readonly string[]; format: DateFormat }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = appointmentId ? { patientId, appointmentId } : { patientId };
  // Every read is audited server-side: no refetch on focus, only after a change.
  const list = useQuery({ ...trpc.notes.list.queryOptions(input), refetchOnWindowFocus: false });
  const refresh = () => void queryClient.invalidateQueries(trpc.notes.list.pathFilter());
  const start = useMutation(trpc.notes.saveDraft.mutationOptions({ onSuccess: refresh }));

  if (list.isPending) return <Skeleton height="4rem" />;
  if (list.isError) {
    const failure = describeFailure(list.error);
    if (failure.reason === "NOTES_CLOSED_TO_ADMINS") return <p className={styles.muted}>Clinical notes are private to the practitioners in this clinic.</p>;
    return <ErrorNotice title="The clinical notes could not be loaded" message={failure.message} onRetry={() => void list.refetch()} />;
  }
  const { notes, canWrite } = list.data;
  const originals = notes.filter((n) => n.amendsNoteId === null);
  const amendmentsOf = (id: string) => notes.filter((n) => n.amendsNoteId === id);
  const begin = (amends?: Note) =>
    start.mutate({
      patientId,
      ...(appointmentId ? { appointmentId } : {}),
      ...(amends ? { amendsNoteId: amends.id } : {}),
      content: { body: "", sections: (amends ? amends.content.sections.map((s) => s.heading) : sections).map((heading) => ({ heading, text: "" })) },
    });

  return (
    <div className={styles.notes}>
      {originals.length === 0 ? <p className={styles.muted}>No clinical notes yet.</p> : null}
      {originals.map((note) => (
        <article key={note.id} className={styles.note} aria-label={note.status === "draft" ? "Draft note" : "Signed note"}>
          <NoteView note={note} format={format} onDone={refresh} />
          {amendmentsOf(note.id).map((amendment) => (
            <div key={amendment.id} role="group" className={styles.amendment} aria-label={amendment.status === "draft" ? "Draft amendment" : "Amendment"}>
              <NoteView note={amendment} format={format} onDone={refresh} />
            </div>
          ))}
          {canWrite && note.status === "signed" && !amendmentsOf(note.id).some((a) => a.status === "draft") ? (
            <Button variant="secondary" disabled={start.isPending} onClick={() => begin(note)}>
              Amend
            </Button>
          ) : null}
        </article>
      ))}
      {start.isError ? <ErrorNotice title="The note could not be started" message={summarizeFailure(start.error)} /> : null}
      {canWrite && !notes.some((n) => n.status === "draft" && n.amendsNoteId === null) ? (
        <Button disabled={start.isPending} onClick={() => begin()}>
          New note
        </Button>
      ) : null}
    </div>
  );
}

function NoteView({ note, format, onDone }: { note: Note; format: DateFormat; onDone: () => void }) {
  const { me } = useStaffSession();
  if (note.status === "draft" && note.authorUserId === me.user.id) return <DraftEditor note={note} onDone={onDone} />;
  return (
    <>
      <p className={styles.byline}>
        {note.amendsNoteId ? "Amendment by " : ""}
        {note.authorName} · signed {note.signedAt ? format.dateTime(note.signedAt) : ""}
      </p>
      {note.content.body ? <p className={styles.body}>{note.content.body}</p> : null}
      {note.content.sections.map((section) => (
        <div key={section.heading}>
          <h4 className={styles.heading}>{section.heading}</h4>
          <p className={styles.body}>{section.text}</p>
        </div>
      ))}
    </>
  );
}

type SaveState = { kind: "unchanged" } | { kind: "editing" } | { kind: "saved" } | { kind: "saving" } | { kind: "failed"; message: string };

/**
 * The author's draft: saved a moment after typing stops, one save at a time, each from the version
 * the last one answered; signing saves what is on screen first.
 */
function DraftEditor({ note, onDone }: { note: Note; onDone: () => void }) {
  const trpc = useTRPC();
  const [content, setContent] = useState<Content>(note.content);
  const [state, setState] = useState<SaveState>({ kind: "unchanged" });
  /** Typed but not sent yet: saved at once if the editor goes away before the pause. */
  const unsaved = useRef<Content | null>(null);
  const version = useRef(note.version);
  const finished = useRef(false);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const saveDraft = useMutation(trpc.notes.saveDraft.mutationOptions());
  const sign = useMutation(trpc.notes.sign.mutationOptions());
  const discard = useMutation(trpc.notes.discardDraft.mutationOptions());

  const save = (next: Content) => {
    const run = queue.current.then(async () => {
      if (finished.current) return;
      if (unsaved.current === next) unsaved.current = null;
      setState({ kind: "saving" });
      try {
        const saved = await saveDraft.mutateAsync({ noteId: note.id, patientId: note.patientId, content: next, expectedVersion: version.current });
        version.current = saved.version;
        setState({ kind: "saved" });
      } catch (error) {
        setState({ kind: "failed", message: summarizeFailure(error) });
        throw error;
      }
    });
    queue.current = run.catch(() => undefined);
    return run;
  };
  const saveSoon = useDebouncedCallback((next: Content) => void save(next).catch(() => undefined), AUTOSAVE_MS);
  const change = (next: Content) => {
    setContent(next);
    unsaved.current = next;
    setState({ kind: "editing" });
    saveSoon(next);
  };
  useEffect(
    () => () => {
      if (unsaved.current) void save(unsaved.current).catch(() => undefined);
    },
    // Only on unmount: `save` reads refs, so the first one is as good as the last.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const finish = async (action: "sign" | "discard") => {
    try {
      if (action === "sign") await save(content);
      finished.current = true;
      if (action === "sign") await sign.mutateAsync({ noteId: note.id, expectedVersion: version.current });
      else await discard.mutateAsync({ noteId: note.id, expectedVersion: version.current });
      onDone();
    } catch (error) {
      finished.current = false;
      setState({ kind: "failed", message: summarizeFailure(error) });
    }
  };
  const busy = sign.isPending || discard.isPending;

  return (
    <div className={styles.editor}>
      <TextAreaField
        label={note.amendsNoteId ? "Amendment" : "Note"}
        rows={5}
        value={content.body}
        onChange={(event) => change({ ...content, body: event.target.value })}
      />
      {content.sections.map((section, index) => (
        <TextAreaField
          key={section.heading}
          label={section.heading}
          value={section.text}
          onChange={(event) => change({ ...content, sections: content.sections.map((s, i) => (i === index ? { ...s, text: event.target.value } : s)) })}
        />
      ))}
      <p role="status" className={styles.muted}>
        {state.kind === "saving" || state.kind === "editing" ? "Saving…" : state.kind === "saved" ? "Draft saved" : null}
      </p>
      {state.kind === "failed" ? <ErrorNotice title="Not saved" message={state.message} /> : null}
      <div className={styles.actions}>
        <Button disabled={busy} onClick={() => void finish("sign")}>
          Sign note
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => void finish("discard")}>
          Discard draft
        </Button>
      </div>
    </div>
  );
}
