// The sign-in step after the password (or e-mailed code) of an account with two-step
// verification: the 6-digit code from the authenticator app, or one recovery code.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../api/trpc";
import { CodeForm } from "./CodeForm";
import { describeCodeFailure } from "./code-failure";

export function MfaStep({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const trpc = useTRPC();
  const [remember, setRemember] = useState(false);
  const verify = useMutation(trpc.auth.mfa.verify.mutationOptions({ onSuccess: () => onSignedIn() }));
  return (
    <section aria-labelledby="mfa-step-heading">
      <h2 id="mfa-step-heading">Two-step verification</h2>
      <p>Enter the 6-digit code your authenticator app shows for Frontdesk. Lost your phone? Enter one of your recovery codes instead.</p>
      <CodeForm
        label="Authentication code"
        hint="6 digits, or a recovery code such as abcde-fghij"
        submitLabel="Verify"
        pendingLabel="Checking…"
        allowLetters
        pending={verify.isPending}
        error={verify.isError ? describeCodeFailure(verify.error) : null}
        onSubmit={(code) => verify.mutate({ code, rememberDevice: remember })}
      >
        <p>
          <label>
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Remember this browser for 30 days
          </label>
        </p>
      </CodeForm>
    </section>
  );
}
