// Two-step verification on the account page: set up with a QR code (or the key typed by hand),
// confirmed by a first code, which answers the recovery codes once; turned off with a code.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { ErrorNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import { CodeForm } from "./CodeForm";
import styles from "./account.module.css";

export function MfaSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.auth.mfa.status.queryOptions());
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.auth.mfa.status.queryFilter());
  const setup = useMutation(trpc.auth.mfa.setup.mutationOptions());
  const enable = useMutation(
    trpc.auth.mfa.enable.mutationOptions({
      onSuccess: async (answer) => {
        setRecoveryCodes(answer.recoveryCodes);
        setup.reset();
        await refresh();
      },
    }),
  );
  const disable = useMutation(trpc.auth.mfa.disable.mutationOptions({ onSuccess: () => refresh() }));

  return (
    <section aria-labelledby="mfa-heading">
      <h2 id="mfa-heading">Two-step verification</h2>
      {status.isPending ? (
        <Skeleton height="4rem" />
      ) : status.isError ? (
        <ErrorNotice title="Two-step verification could not be loaded" message={describeFailure(status.error).message} onRetry={() => void status.refetch()} />
      ) : (
        <>
          {status.data.requiredBy.length > 0 ? <p>{status.data.requiredBy.join(", ")} requires two-step verification of its staff.</p> : null}
          {recoveryCodes ? (
            <div role="region" aria-label="Your recovery codes">
              <p role="status">Two-step verification is on. Keep these recovery codes somewhere safe: each one signs you in once if you lose your phone.</p>
              <ul aria-label="Recovery codes" className={styles.recoveryCodes}>
                {recoveryCodes.map((code) => (
                  <li key={code}>
                    <code>{code}</code>
                  </li>
                ))}
              </ul>
              <Button variant="secondary" onClick={() => setRecoveryCodes(null)}>
                I have saved them
              </Button>
            </div>
          ) : status.data.enabled ? (
            <>
              <p>
                On. Signing in asks for a code from your authenticator app. {status.data.recoveryCodesLeft} recovery code
                {status.data.recoveryCodesLeft === 1 ? "" : "s"} left.
              </p>
              {status.data.requiredBy.length === 0 ? (
                <CodeForm
                  label="Code to turn it off"
                  hint="From your authenticator app, or a recovery code"
                  submitLabel="Turn off two-step verification"
                  pendingLabel="Turning off…"
                  allowLetters
                  pending={disable.isPending}
                  error={disable.isError ? describeFailure(disable.error).message : null}
                  onSubmit={(code) => disable.mutate({ code })}
                />
              ) : null}
            </>
          ) : setup.data ? (
            <>
              <p>Scan this code with an authenticator app (such as Google Authenticator, 1Password or Aegis), then enter the 6 digits it shows.</p>
              <img src={setup.data.qrCode} alt="QR code to add Frontdesk to your authenticator app" width={200} height={200} />
              <p className={styles.breakable}>
                Cannot scan? Enter this key by hand: <code aria-label="Key">{setup.data.secret}</code>
              </p>
              <CodeForm
                label="Code from the app"
                submitLabel="Turn on two-step verification"
                pendingLabel="Checking…"
                pending={enable.isPending}
                error={enable.isError ? describeFailure(enable.error).message : null}
                onSubmit={(code) => enable.mutate({ code })}
              />
            </>
          ) : (
            <>
              <p>Off. With it on, signing in also asks for a code from an app on your phone, so a stolen password is not enough.</p>
              {setup.isError ? (
                <p role="alert" className={styles.formError}>
                  {describeFailure(setup.error).message}
                </p>
              ) : null}
              <Button onClick={() => setup.mutate()} disabled={setup.isPending}>
                {setup.isPending ? "Preparing…" : "Set up two-step verification"}
              </Button>
            </>
          )}
        </>
      )}
    </section>
  );
}
