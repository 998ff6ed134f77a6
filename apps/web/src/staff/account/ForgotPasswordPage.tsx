// "Forgot your password?": asks for the address and says the same whatever the answer, as the
// server does, so the page cannot be used to find out who has an account.
import { useMutation } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/Field";
import styles from "./account.module.css";

export function ForgotPasswordPage() {
  const trpc = useTRPC();
  const [email, setEmail] = useState("");
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const failure = request.isError ? describeFailure(request.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    request.mutate({ email: email.trim() });
  }

  return (
    <div className={styles.narrow}>
      <h1>Choose a new password</h1>
      {request.isSuccess ? (
        <p role="status" className={styles.breakable}>
          If {request.variables.email} has a Frontdesk account, we have sent it a link to choose a new password. The link works once, for an
          hour.
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>Enter the address you sign in with. We will e-mail you a link.</p>
          <TextField
            label="E-mail address"
            type="email"
            autoComplete="username"
            required
            value={email}
            error={failure?.kind === "invalid" ? failure.fieldErrors.email?.[0] : undefined}
            onChange={(e) => setEmail(e.target.value)}
          />
          {failure && failure.kind !== "invalid" ? (
            <p role="alert" className={styles.formError}>
              {failure.message}
            </p>
          ) : null}
          <Button type="submit" disabled={request.isPending}>
            {request.isPending ? "Sending…" : "Send the link"}
          </Button>
        </form>
      )}
      <p>
        Remembered it? <Link to="/app/sign-in">Sign in</Link>.
      </p>
    </div>
  );
}
