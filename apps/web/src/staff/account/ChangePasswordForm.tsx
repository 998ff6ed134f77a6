// Changing the password. The policy (length, not the e-mail address) is the server's: its words
// are shown as they come. Other devices are signed out by the server when it succeeds.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/Field";
import { SuccessNotice } from "../../ui/Notice";
import { countOf } from "../../lib/count-of";
import styles from "./account.module.css";

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [repeated, setRepeated] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: async () => {
        setCurrentPassword("");
        setNewPassword("");
        setRepeated("");
        await queryClient.invalidateQueries(trpc.auth.sessions.list.queryFilter());
      },
    }),
  );
  const failure = change.isError ? describeFailure(change.error) : null;
  const fieldErrors = failure?.kind === "invalid" ? failure.fieldErrors : {};
  // A refusal of the policy or of the current password has no field: the message says which.
  const formMessage = failure && Object.keys(fieldErrors).length === 0 ? failure.message : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const differs = newPassword !== repeated;
    setMismatch(differs);
    if (differs) return;
    change.mutate({ currentPassword, newPassword });
  }

  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      {change.isSuccess ? (
        <SuccessNotice title="Your password is changed">
          <p>
            {change.data.endedOtherSessions > 0
              ? `${countOf(change.data.endedOtherSessions, "other device was", "other devices were")} signed out.`
              : "You stay signed in here."}
          </p>
        </SuccessNotice>
      ) : null}
      <form onSubmit={submit} noValidate aria-describedby={formMessage ? "password-error" : undefined}>
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          error={fieldErrors.currentPassword?.[0]}
          onChange={(e) => setCurrentPassword(e.target.value)}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters. A phrase of a few words is easy to remember and hard to guess."
          value={newPassword}
          error={fieldErrors.newPassword?.[0]}
          onChange={(e) => setNewPassword(e.target.value)}
        />
        <TextField
          label="Repeat the new password"
          type="password"
          autoComplete="new-password"
          required
          value={repeated}
          error={mismatch ? "The two new passwords are not the same" : undefined}
          onChange={(e) => setRepeated(e.target.value)}
        />
        {formMessage ? (
          <p id="password-error" role="alert" className={styles.formError}>
            {formMessage}
          </p>
        ) : null}
        <Button type="submit" disabled={change.isPending}>
          {change.isPending ? "Changing…" : "Change password"}
        </Button>
      </form>
    </section>
  );
}
