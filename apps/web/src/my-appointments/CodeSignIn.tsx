// Signing in to one's own list: an e-mailed six-digit code (auth.requestCode / auth.verifyCode),
// no password. The answer to asking is the same for every address, so this form says "if" too.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeFailure, type Failure } from "../api/failure";
import { useTRPC } from "../api/trpc";
import { patientFailureMessage } from "../i18n/patient-failure";
import { usePatientText } from "../i18n/usePatientText";
import { Button } from "../ui/Button";
import { TextField } from "../ui/Field";
import { ErrorNotice, EmptyNotice } from "../ui/Notice";
import { StepHeading } from "../ui/StepHeading";
import ui from "../ui/ui.module.css";
import styles from "../booking/booking.module.css";

export function CodeSignIn() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t, language } = usePatientText();
  const [step, setStep] = useState<"email" | "code" | "mfa">("email");
  const [email, setEmail] = useState("");
  const [code, setCode] = useState("");
  const requestCode = useMutation(trpc.auth.requestCode.mutationOptions({ onSuccess: () => setStep("code") }));
  const verifyCode = useMutation(
    trpc.auth.verifyCode.mutationOptions({
      onSuccess: async (outcome) => {
        if (outcome.status !== "signed_in") return setStep("mfa");
        // Whatever a previous account saw here is stale now; who is signed in is asked again.
        queryClient.removeQueries({ queryKey: trpc.myAppointments.pathKey() });
        await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
      },
    }),
  );

  const failureText = (failure: Failure, wrongCode: boolean) =>
    wrongCode && failure.kind === "refused" ? t("my.codeRefused") : failure.kind === "invalid" ? t(wrongCode ? "my.codeFormat" : "my.emailInvalid") : patientFailureMessage(failure, t);

  if (step === "mfa") {
    return (
      <div className={styles.panel}>
        <EmptyNotice title={t("my.mfaTitle")}>
          <p>{t("my.mfaHelp")}</p>
        </EmptyNotice>
      </div>
    );
  }

  if (step === "email") {
    const submit = (event: FormEvent) => {
      event.preventDefault();
      requestCode.mutate({ email: email.trim(), language });
    };
    return (
      <form className={styles.panel} onSubmit={submit} noValidate>
        <StepHeading focusOnMount={false}>{t("my.signInHeading")}</StepHeading>
        <p>{t("my.signInHelp")}</p>
        <TextField label={t("details.email")} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        {requestCode.isError ? <ErrorNotice title={t("my.signInFailed")} message={failureText(describeFailure(requestCode.error), false)} /> : null}
        <div className={ui.actions}>
          <Button type="submit" disabled={requestCode.isPending || email.trim() === ""}>
            {requestCode.isPending ? t("my.sending") : t("my.sendCode")}
          </Button>
        </div>
      </form>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    verifyCode.mutate({ email: email.trim(), code: code.trim() });
  };
  return (
    <form className={styles.panel} onSubmit={submit} noValidate>
      <StepHeading>{t("my.codeHeading")}</StepHeading>
      <p>{t("my.codeSent", { email: email.trim() })}</p>
      <TextField label={t("my.code")} inputMode="numeric" autoComplete="one-time-code" maxLength={6} required value={code} onChange={(e) => setCode(e.target.value)} />
      {verifyCode.isError ? <ErrorNotice title={t("my.signInFailed")} message={failureText(describeFailure(verifyCode.error), true)} /> : null}
      <div className={ui.actions}>
        <Button type="submit" disabled={verifyCode.isPending || code.trim() === ""}>
          {verifyCode.isPending ? t("my.checking") : t("my.signIn")}
        </Button>
        <Button
          variant="link"
          onClick={() => {
            setCode("");
            verifyCode.reset();
            setStep("email");
          }}
        >
          {t("my.otherAddress")}
        </Button>
      </div>
    </form>
  );
}
