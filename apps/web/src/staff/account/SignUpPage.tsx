// A new account for someone who will open a clinic or accept an invitation. The password policy
// is the server's; its refusals come back per field. Nothing opens until the code e-mailed to
// the address comes back (ADR 0016).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/Field";
import { CodeForm } from "./CodeForm";
import { describeCodeFailure } from "./code-failure";
import { GoToPath } from "./GoToPath";
import { MfaStep } from "./MfaStep";
import { safeReturnPath } from "./return-to";
import { signUpRoute } from "./routes";
import styles from "./account.module.css";

export function SignUpPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = useQuery(trpc.auth.me.queryOptions());
  // An invitation sends people here with a way back to it; otherwise the next step is their clinic.
  const redirect = safeReturnPath(signUpRoute.useSearch().redirect) ?? undefined;
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const signedIn = async () => {
    queryClient.clear();
    await navigate({ href: redirect ?? "/app/new-clinic", replace: true });
  };
  const [needsSecondFactor, setNeedsSecondFactor] = useState(false);
  const verify = useMutation(
    trpc.auth.verifyEmail.mutationOptions({
      onSuccess: async (outcome) => {
        if (outcome.status === "signed_in") await signedIn();
        else setNeedsSecondFactor(true);
      },
    }),
  );

  // Someone already signed in has no account to create; after our own sign-up, onSuccess leads on.
  if (me.data && signUp.isIdle) return <GoToPath href={redirect ?? "/app/calendar"} />;

  if (signUp.isSuccess) {
    return (
      <div className={styles.narrow}>
        <h1>Confirm your e-mail address</h1>
        {needsSecondFactor ? (
          <MfaStep onSignedIn={signedIn} />
        ) : (
          <>
            <p role="status" className={styles.breakable}>
              We sent a 6-digit code to {signUp.data.email}. Enter it here to finish creating your account.
            </p>
            <CodeForm
              label="Confirmation code"
              hint="It works once, for 10 minutes. Not there? Look in your spam folder."
              submitLabel="Confirm"
              pendingLabel="Confirming…"
              pending={verify.isPending}
              error={verify.isError ? describeCodeFailure(verify.error) : null}
              onSubmit={(code) => verify.mutate({ email: signUp.data.email, code })}
            />
            <p>
              <Button variant="link" onClick={() => signUp.mutate({ name, email, password })}>
                Send a new code
              </Button>
            </p>
          </>
        )}
      </div>
    );
  }

  const failure = signUp.isError ? describeFailure(signUp.error) : null;
  const fieldErrors = failure?.kind === "invalid" ? failure.fieldErrors : {};
  const formMessage = failure && Object.keys(fieldErrors).length === 0 ? failure.message : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    signUp.mutate({ name, email, password });
  }

  return (
    <div className={styles.narrow}>
      <h1>Create your Frontdesk account</h1>
      <form onSubmit={submit} noValidate>
        <TextField label="Your name" autoComplete="name" required value={name} error={fieldErrors.name?.[0]} onChange={(e) => setName(e.target.value)} />
        <TextField
          label="E-mail address"
          type="email"
          autoComplete="username"
          required
          value={email}
          error={fieldErrors.email?.[0]}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters, and not your e-mail address."
          value={password}
          error={fieldErrors.password?.[0]}
          onChange={(e) => setPassword(e.target.value)}
        />
        {formMessage ? (
          <p role="alert" className={styles.formError}>
            {formMessage}
          </p>
        ) : null}
        <Button type="submit" disabled={signUp.isPending}>
          {signUp.isPending ? "Creating your account…" : "Create account"}
        </Button>
      </form>
      <p>
        Already have an account?{" "}
        <Link to="/app/sign-in" search={redirect ? { redirect } : {}}>
          Sign in
        </Link>
      </p>
    </div>
  );
}
