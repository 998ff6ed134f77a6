// One field for a code (from an e-mail or an authenticator app), its explanation and its refusal.
import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/Field";
import styles from "./account.module.css";

export function CodeForm(props: {
  label: string;
  hint?: string;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: string | null;
  /** Recovery codes have letters: an authenticator-only field would refuse them. */
  allowLetters?: boolean;
  children?: ReactNode;
  onSubmit: (code: string) => void;
}) {
  const [code, setCode] = useState("");
  function submit(event: FormEvent) {
    event.preventDefault();
    props.onSubmit(code.trim());
  }
  return (
    <form onSubmit={submit} noValidate>
      <TextField
        label={props.label}
        hint={props.hint}
        autoComplete="one-time-code"
        inputMode={props.allowLetters ? "text" : "numeric"}
        required
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      {props.children}
      {props.error ? (
        <p role="alert" className={styles.formError}>
          {props.error}
        </p>
      ) : null}
      <Button type="submit" disabled={props.pending}>
        {props.pending ? props.pendingLabel : props.submitLabel}
      </Button>
    </form>
  );
}
