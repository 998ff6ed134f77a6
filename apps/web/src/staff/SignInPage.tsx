import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";
import type { RouterOutputs } from "@frontdesk/api";
import { describeSignInFailure } from "../api/failure";
import { useTRPC } from "../api/trpc";
import { Button } from "../ui/Button";
import { TextField } from "../ui/Field";
import { CodeForm } from "./account/CodeForm";
import { describeCodeFailure } from "./account/code-failure";
import { GoToPath } from "./account/GoToPath";
import { MfaStep } from "./account/MfaStep";
import { safeReturnPath } from "./account/return-to";
import { signInRoute } from "./account/routes";
import styles from "./staff.module.css";

type Outcome = RouterOutputs["auth"]["signIn"];
/** Password; or an e-mailed code (asking for it, then typing it); then, if the account needs them, its address or its second factor. */
type Step = "password" | "code-request" | "code" | "verify-email" | "mfa";

export function SignInPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = useQuery(trpc.auth.me.queryOptions());
  // Where the visitor was going before being asked to sign in; validated as a staff path by the route.
  const { redirect } = signInRoute.useSearch();
  // Checked again here: whatever the router hands over, only a staff path of ours is followed.
  const destination = safeReturnPath(redirect) ?? "/app/calendar";
  const [step, setStep] = useState<Step>("password");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  const signedIn = async () => {
    // Whoever was known before (nobody, or another account) is stale now.
    queryClient.clear();
    await navigate({ href: destination, replace: true });
  };
  const follow = async (outcome: Outcome) => {
    if (outcome.status === "signed_in") await signedIn();
    else setStep(outcome.status === "mfa_required" ? "mfa" : "verify-email");
  };
  const signIn = useMutation(trpc.auth.signIn.mutationOptions({ onSuccess: follow }));
  const requestCode = useMutation(trpc.auth.requestCode.mutationOptions({ onSuccess: () => setStep("code") }));
  const verifyCode = useMutation(trpc.auth.verifyCode.mutationOptions({ onSuccess: follow }));
  const verifyEmail = useMutation(trpc.auth.verifyEmail.mutationOptions({ onSuccess: follow }));

  // Someone already signed in (a bookmark, the back button) goes straight to work.
  if (me.data && step === "password") return <GoToPath href={destination} />;

  function submitPassword(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  }
  function submitCodeRequest(event: FormEvent) {
    event.preventDefault();
    requestCode.mutate({ email: email.trim() });
  }

  return (
    <div className={styles.signIn}>
      <h1>Sign in to Frontdesk</h1>
      {step === "password" ? (
        <>
          <form onSubmit={submitPassword} noValidate>
            <TextField label="E-mail address" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
            <TextField
              label="Password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            {signIn.isError ? (
              <p role="alert" className={styles.formError}>
                {describeSignInFailure(signIn.error)}
              </p>
            ) : null}
            <Button type="submit" disabled={signIn.isPending}>
              {signIn.isPending ? "Signing in…" : "Sign in"}
            </Button>
          </form>
          <p>
            <Link to="/app/forgot-password">Forgot your password?</Link>
            {" · "}
            <Button variant="link" onClick={() => setStep("code-request")}>
              E-mail me a sign-in code instead
            </Button>
          </p>
        </>
      ) : null}
      {step === "code-request" ? (
        <form onSubmit={submitCodeRequest} noValidate>
          <p>We will e-mail you a 6-digit code that signs you in once, for 10 minutes.</p>
          <TextField label="E-mail address" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          {requestCode.isError ? (
            <p role="alert" className={styles.formError}>
              {describeCodeFailure(requestCode.error)}
            </p>
          ) : null}
          <Button type="submit" disabled={requestCode.isPending}>
            {requestCode.isPending ? "Sending…" : "Send me a code"}
          </Button>{" "}
          <Button variant="link" onClick={() => setStep("password")}>
            Use my password
          </Button>
        </form>
      ) : null}
      {step === "code" ? (
        <CodeForm
          label="Sign-in code"
          hint={`We sent it to ${email.trim()}.`}
          submitLabel="Sign in"
          pendingLabel="Signing in…"
          pending={verifyCode.isPending}
          error={verifyCode.isError ? describeCodeFailure(verifyCode.error) : null}
          onSubmit={(code) => verifyCode.mutate({ email: email.trim(), code })}
        />
      ) : null}
      {step === "verify-email" ? (
        <>
          <p role="status">Confirm your e-mail address first: we sent a code to {email.trim()}.</p>
          <CodeForm
            label="Confirmation code"
            submitLabel="Confirm and sign in"
            pendingLabel="Confirming…"
            pending={verifyEmail.isPending}
            error={verifyEmail.isError ? describeCodeFailure(verifyEmail.error) : null}
            onSubmit={(code) => verifyEmail.mutate({ email: email.trim(), code })}
          />
        </>
      ) : null}
      {step === "mfa" ? <MfaStep onSignedIn={signedIn} /> : null}
      <p>
        New to Frontdesk?{" "}
        <Link to="/app/sign-up" search={redirect ? { redirect } : {}}>
          Create an account
        </Link>
      </p>
    </div>
  );
}
