// The page a reset e-mail links to (`/app/reset-password/<token>`): a new password, typed twice.
// The server checks the link and the policy; using the link signs the account out everywhere.
import { useMutation } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/Field";
import { resetPasswordRoute } from "./routes";
import styles from "./account.module.css";

export function ResetPasswordPage() {
  const trpc = useTRPC();
  const { token } = resetPasswordRoute.useParams();
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const failure = reset.isError ? describeFailure(reset.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password === repeat) reset.mutate({ token, newPassword: password });
  }

  if (reset.isSuccess) {
    return (
      <div className={styles.narrow}>
        <h1>Your password is changed</h1>
        <p role="status">Every device that was signed in to your account has been signed out.</p>
        <p>
          You can now <Link to="/app/sign-in">sign in with your new password</Link>.
        </p>
      </div>
    );
  }

  return (
    <div className={styles.narrow}>
      <h1>Choose a new password</h1>
      <form onSubmit={submit} noValidate>
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters, and not your e-mail address."
          value={password}
          error={failure?.kind === "invalid" ? failure.fieldErrors.newPassword?.[0] : undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
        <TextField
          label="Repeat the new password"
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          error={mismatch ? "The two passwords are not the same" : undefined}
          onChange={(e) => setRepeat(e.target.value)}
        />
        {failure && !(failure.kind === "invalid" && failure.fieldErrors.newPassword) ? (
          <p role="alert" className={styles.formError}>
            {failure.message}
          </p>
        ) : null}
        <Button type="submit" disabled={reset.isPending}>
          {reset.isPending ? "Saving…" : "Save the new password"}
        </Button>
      </form>
      <p>
        Link expired or already used? <Link to="/app/forgot-password">Ask for a new one</Link>.
      </p>
    </div>
  );
}
