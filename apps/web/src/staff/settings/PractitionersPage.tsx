// The clinic's practitioners: who they are, their calendar colour, whether they take bookings, and
// the services each offers. Adding, editing and removing happen in dialogs over the list.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { describeFailure, summarizeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { EmptyNotice, ErrorNotice, SuccessNotice } from "../../ui/Notice";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Loading } from "../../ui/Loading";
import { PractitionerForm, type PractitionerDraft } from "./PractitionerForm";
import styles from "./settings.module.css";
import type { SettingsPractitioner, SettingsService, StaffMember } from "./types";

type Open = { kind: "add" } | { kind: "edit"; practitioner: SettingsPractitioner } | { kind: "remove"; practitioner: SettingsPractitioner } | null;

const NEW_PRACTITIONER: PractitionerDraft = { displayName: "", colour: "#2563eb", active: true, serviceIds: [], userId: null };

export function PractitionersPage() {
  const trpc = useTRPC();
  const practitioners = useQuery(trpc.practitioners.list.queryOptions({ includeInactive: true }));
  const services = useQuery(trpc.services.list.queryOptions({ includeInactive: true }));
  const staff = useQuery(trpc.clinic.staff.list.queryOptions());
  const members = staff.data?.members ?? [];
  const [open, setOpen] = useState<Open>(null);
  // The removed row took the focused button with it: land on the heading, and say what happened.
  const [removed, setRemoved] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (removed) headingRef.current?.focus();
  }, [removed]);

  return (
    <section aria-labelledby="practitioners-heading">
      <h2 id="practitioners-heading" ref={headingRef} tabIndex={-1}>
        Practitioners
      </h2>
      {removed ? <SuccessNotice title={`${removed} was removed.`} /> : null}
      <div className={styles.toolbar}>
        <Button onClick={() => setOpen({ kind: "add" })} disabled={!services.data}>
          Add practitioner
        </Button>
      </div>
      {practitioners.isPending || services.isPending ? (
        <Loading label="Loading the practitioners…" />
      ) : practitioners.isError || services.isError ? (
        <ErrorNotice
          title="The practitioners could not be loaded"
          message={describeFailure(practitioners.error ?? services.error).message}
          onRetry={() => void Promise.all([practitioners.refetch(), services.refetch()])}
        />
      ) : practitioners.data.length === 0 ? (
        <EmptyNotice title="No practitioners yet">
          <p>Add the people patients book with.</p>
        </EmptyNotice>
      ) : (
        <ul className={styles.list} aria-labelledby="practitioners-heading">
          {practitioners.data.map((p) => (
            <PractitionerRow key={p.id} practitioner={p} services={services.data} members={members} onEdit={() => setOpen({ kind: "edit", practitioner: p })} onRemove={() => setOpen({ kind: "remove", practitioner: p })} />
          ))}
        </ul>
      )}
      {open?.kind === "add" && services.data ? <AddPractitioner services={services.data} members={members} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "edit" && services.data ? <EditPractitioner practitioner={open.practitioner} services={services.data} members={members} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "remove" ? (
        <RemovePractitioner
          practitioner={open.practitioner}
          onClose={() => setOpen(null)}
          onRemoved={() => {
            setOpen(null);
            setRemoved(open.practitioner.displayName);
          }}
        />
      ) : null}
    </section>
  );
}

interface RowProps {
  practitioner: SettingsPractitioner;
  services: readonly SettingsService[];
  members: readonly StaffMember[];
  onEdit: () => void;
  onRemove: () => void;
}

function PractitionerRow({ practitioner, services, members, onEdit, onRemove }: RowProps) {
  const offered = services.filter((s) => practitioner.serviceIds.includes(s.id)).map((s) => s.name);
  const signIn = members.find((m) => m.userId === practitioner.userId);
  return (
    <li className={styles.row}>
      <div className={styles.rowMain}>
        <span className={styles.swatch} style={{ background: practitioner.colour }} aria-hidden="true" />
        <div>
          <strong>{practitioner.displayName}</strong>
          {practitioner.active ? null : <span className={styles.muted}> (inactive: takes no bookings)</span>}
          <div className={styles.muted}>{offered.length > 0 ? offered.join(", ") : "Offers no services yet"}</div>
          {signIn ? <div className={styles.muted}>Signs in as {signIn.name}</div> : null}
        </div>
      </div>
      <div className={styles.rowActions}>
        <Link to="/app/settings/hours" search={{ practitioner: practitioner.id }} aria-label={`Hours of ${practitioner.displayName}`}>
          Hours
        </Link>
        <Button variant="secondary" onClick={onEdit} aria-label={`Edit ${practitioner.displayName}`}>
          Edit
        </Button>
        <Button variant="secondary" onClick={onRemove} aria-label={`Remove ${practitioner.displayName}`}>
          Remove
        </Button>
      </div>
    </li>
  );
}

function useRefreshLists() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.practitioners.list.pathFilter()),
      queryClient.invalidateQueries(trpc.services.list.pathFilter()),
      queryClient.invalidateQueries(trpc.calendar.range.pathFilter()),
    ]);
}

interface DialogProps {
  services: readonly SettingsService[];
  members: readonly StaffMember[];
  onClose: () => void;
}

function AddPractitioner({ services, members, onClose }: DialogProps) {
  const trpc = useTRPC();
  const refresh = useRefreshLists();
  const create = useMutation(trpc.practitioners.create.mutationOptions());
  const setServices = useMutation(trpc.practitioners.setServices.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function save(draft: PractitionerDraft) {
    setError(null);
    try {
      const created = await create.mutateAsync({ displayName: draft.displayName, colour: draft.colour, ...(draft.userId ? { userId: draft.userId } : {}) });
      if (draft.serviceIds.length > 0) await setServices.mutateAsync({ practitionerId: created.id, serviceIds: draft.serviceIds });
      await refresh();
      onClose();
    } catch (failure) {
      await refresh();
      setError(summarizeFailure(failure));
    }
  }

  return (
    <Dialog title="Add practitioner" onClose={onClose} size="wide">
      <PractitionerForm
        initial={NEW_PRACTITIONER}
        services={services}
        members={members}
        editing={false}
        pending={create.isPending || setServices.isPending}
        error={error}
        submitLabel="Add practitioner"
        onSubmit={(draft) => void save(draft)}
        onCancel={onClose}
      />
    </Dialog>
  );
}

function EditPractitioner({ practitioner, services, members, onClose }: DialogProps & { practitioner: SettingsPractitioner }) {
  const trpc = useTRPC();
  const refresh = useRefreshLists();
  const update = useMutation(trpc.practitioners.update.mutationOptions());
  const setServices = useMutation(trpc.practitioners.setServices.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function save(draft: PractitionerDraft) {
    setError(null);
    try {
      // Only what changed, so the audit log records what the admin meant to change.
      const patch = {
        ...(draft.displayName !== practitioner.displayName ? { displayName: draft.displayName } : {}),
        ...(draft.colour.toLowerCase() !== practitioner.colour.toLowerCase() ? { colour: draft.colour } : {}),
        ...(draft.active !== practitioner.active ? { active: draft.active } : {}),
        ...(draft.userId !== practitioner.userId ? { userId: draft.userId } : {}),
      };
      if (Object.keys(patch).length > 0) await update.mutateAsync({ practitionerId: practitioner.id, ...patch });
      const sameServices = [...draft.serviceIds].sort().join() === [...practitioner.serviceIds].sort().join();
      if (!sameServices) await setServices.mutateAsync({ practitionerId: practitioner.id, serviceIds: draft.serviceIds });
      await refresh();
      onClose();
    } catch (failure) {
      await refresh();
      setError(summarizeFailure(failure));
    }
  }

  return (
    <Dialog title={`Edit ${practitioner.displayName}`} onClose={onClose} size="wide">
      <PractitionerForm
        initial={{
          displayName: practitioner.displayName,
          colour: practitioner.colour,
          active: practitioner.active,
          serviceIds: practitioner.serviceIds,
          userId: practitioner.userId,
        }}
        services={services}
        members={members}
        editing
        pending={update.isPending || setServices.isPending}
        error={error}
        submitLabel="Save changes"
        onSubmit={(draft) => void save(draft)}
        onCancel={onClose}
      />
    </Dialog>
  );
}

function RemovePractitioner({ practitioner, onClose, onRemoved }: { practitioner: SettingsPractitioner; onClose: () => void; onRemoved: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshLists();
  const remove = useMutation(
    trpc.practitioners.remove.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onRemoved();
      },
    }),
  );
  return (
    <ConfirmDialog
      title={`Remove ${practitioner.displayName}?`}
      message="Only a practitioner who never had an appointment can be removed. Someone with appointments on record can be deactivated instead (Edit)."
      confirmLabel="Remove"
      action={remove}
      onConfirm={() => remove.mutate({ practitionerId: practitioner.id })}
      onClose={onClose}
    />
  );
}
