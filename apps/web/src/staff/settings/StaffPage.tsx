// The clinic's staff and pending invitations: change a member's role, remove a member, invite
// someone by e-mail, withdraw an invitation. Only an owner may grant or take away the owner role,
// or withdraw an invitation to it (as the server rules).
import { assignableRoles, mayAssignRole } from "@frontdesk/domain";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { summarizeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useDateFormat } from "../../lib/useDateFormat";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/Field";
import { ErrorNotice, SuccessNotice } from "../../ui/Notice";
import { ROLE_NAMES } from "../navigation";
import { useStaffSession } from "../StaffLayout";
import type { StaffRole } from "../types";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import styles from "./settings.module.css";
import type { StaffInvitation, StaffMember } from "./types";

const STAFF_LOCALE = "en-GB";

export function StaffPage() {
  const trpc = useTRPC();
  const { membership } = useStaffSession();
  const staff = useSuspenseQuery(trpc.clinic.staff.list.queryOptions());
  const format = useDateFormat(STAFF_LOCALE, membership.timezone);
  const [removing, setRemoving] = useState<StaffMember | null>(null);
  const [withdrawing, setWithdrawing] = useState<StaffInvitation | null>(null);

  return (
    <section aria-labelledby="staff-heading">
      <h2 id="staff-heading">Staff</h2>
      <ul className={styles.list} aria-label="Members">
        {staff.data.members.map((member) => (
          <MemberRow key={member.membershipId} member={member} viewer={membership.role} onRemove={() => setRemoving(member)} />
        ))}
      </ul>
      <h3>Invitations waiting for an answer</h3>
      {staff.data.invitations.length === 0 ? (
        <p className={styles.muted}>None.</p>
      ) : (
        <ul className={styles.list} aria-label="Pending invitations">
          {staff.data.invitations.map((invitation) => (
            <li key={invitation.id} className={styles.row}>
              <span className={styles.rowMain}>
                {invitation.email} as {ROLE_NAMES[invitation.role].toLowerCase()}
              </span>
              <span className={styles.muted}>expires {format.dateTime(invitation.expiresAt)}</span>
              <Button
                variant="secondary"
                disabled={!mayAssignRole(membership.role, invitation.role, null)}
                onClick={() => setWithdrawing(invitation)}
                aria-label={`Withdraw the invitation to ${invitation.email}`}
              >
                Withdraw
              </Button>
            </li>
          ))}
        </ul>
      )}
      <InviteForm viewer={membership.role} />
      {removing ? <RemoveMember member={removing} onClose={() => setRemoving(null)} /> : null}
      {withdrawing ? <WithdrawInvitation invitation={withdrawing} onClose={() => setWithdrawing(null)} /> : null}
    </section>
  );
}

/** Reads the staff list again, after a change to it. */
function useRefreshStaff() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.clinic.staff.list.pathFilter());
}

function MemberRow({ member, viewer, onRemove }: { member: StaffMember; viewer: StaffRole; onRemove: () => void }) {
  const trpc = useTRPC();
  const refreshStaff = useRefreshStaff();
  const roleId = useId();
  const setRole = useMutation(trpc.clinic.staff.setRole.mutationOptions({ onSuccess: refreshStaff }));
  // An admin can neither change nor remove an owner.
  const locked = member.role === "owner" && viewer !== "owner";
  const roles = locked ? [member.role] : assignableRoles(viewer);
  return (
    <li className={styles.row}>
      <div>
        <strong>{member.name}</strong>
        <div className={styles.muted}>{member.email}</div>
        {setRole.isError ? (
          <p role="alert" className={styles.fieldError}>
            {summarizeFailure(setRole.error)}
          </p>
        ) : null}
        {setRole.isSuccess ? <p role="status" className={styles.muted}>Role changed.</p> : null}
      </div>
      <div className={styles.rowActions}>
        <label htmlFor={roleId} className="visually-hidden">
          Role of {member.name}
        </label>
        <select
          id={roleId}
          className={styles.select}
          value={member.role}
          disabled={locked || setRole.isPending}
          onChange={(event) => setRole.mutate({ membershipId: member.membershipId, role: event.target.value as StaffRole })}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {ROLE_NAMES[role]}
            </option>
          ))}
        </select>
        <Button variant="secondary" disabled={locked} onClick={onRemove} aria-label={`Remove ${member.name}`}>
          Remove
        </Button>
      </div>
    </li>
  );
}

function RemoveMember({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const trpc = useTRPC();
  const refreshStaff = useRefreshStaff();
  const remove = useMutation(
    trpc.clinic.staff.remove.mutationOptions({
      onSuccess: async () => {
        await refreshStaff();
        onClose();
      },
    }),
  );
  return (
    <ConfirmDialog
      title={`Remove ${member.name}?`}
      message={`${member.name} will no longer be able to sign in to this clinic. Their past work stays on record.`}
      confirmLabel="Remove"
      action={remove}
      onConfirm={() => remove.mutate({ membershipId: member.membershipId })}
      onClose={onClose}
    />
  );
}

function WithdrawInvitation({ invitation, onClose }: { invitation: StaffInvitation; onClose: () => void }) {
  const trpc = useTRPC();
  const refreshStaff = useRefreshStaff();
  const withdraw = useMutation(
    trpc.clinic.staff.withdrawInvitation.mutationOptions({
      onSuccess: async () => {
        await refreshStaff();
        onClose();
      },
    }),
  );
  return (
    <ConfirmDialog
      title={`Withdraw the invitation to ${invitation.email}?`}
      message="The link in their e-mail will stop working. You can invite them again later."
      confirmLabel="Withdraw"
      action={withdraw}
      onConfirm={() => withdraw.mutate({ invitationId: invitation.id })}
      onClose={onClose}
    />
  );
}

function InviteForm({ viewer }: { viewer: StaffRole }) {
  const trpc = useTRPC();
  const refreshStaff = useRefreshStaff();
  const roleId = useId();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<StaffRole>("receptionist");
  const [error, setError] = useState<string | undefined>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const invite = useMutation(
    trpc.clinic.staff.invite.mutationOptions({
      onSuccess: async (_answer, input) => {
        setSentTo(input.email);
        setEmail("");
        await refreshStaff();
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const address = email.trim();
    const problem = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address) ? undefined : "Enter a valid e-mail address";
    setError(problem);
    setSentTo(null);
    if (!problem) invite.mutate({ email: address, role });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${roleId}-heading`}>
      <h3 id={`${roleId}-heading`}>Invite someone</h3>
      <p className={styles.muted}>They receive an e-mail with a link, valid for seven days, to join this clinic.</p>
      <div className={styles.twoColumns}>
        <TextField label="E-mail address" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={error} maxLength={254} />
        <div className={styles.field}>
          <label htmlFor={roleId}>Role</label>
          <select id={roleId} className={styles.select} value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
            {assignableRoles(viewer).map((r) => (
              <option key={r} value={r}>
                {ROLE_NAMES[r]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {invite.isError ? <ErrorNotice title="The invitation was not sent" message={summarizeFailure(invite.error)} /> : null}
      {sentTo ? <SuccessNotice title={`Invitation sent to ${sentTo}.`} /> : null}
      <Button type="submit" disabled={invite.isPending}>
        {invite.isPending ? "Sending…" : "Send invitation"}
      </Button>
    </form>
  );
}
