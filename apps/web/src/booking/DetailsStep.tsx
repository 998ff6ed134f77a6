// Step 6: who is coming. Checked with the server's own schema before anything is sent.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { NETWORK_MESSAGE } from "../api/failure";
import { Button } from "../ui/Button";
import { TextAreaField, TextField } from "../ui/Field";
import { ErrorNotice } from "../ui/Notice";
import { StepHeading } from "../ui/StepHeading";
import styles from "../ui/ui.module.css";

export interface DetailsValues {
  name: string;
  email: string;
  phone: string;
  note: string;
}

export const emptyDetails: DetailsValues = { name: "", email: "", phone: "", note: "" };

export type FieldErrors = Partial<Record<keyof DetailsValues, string>>;

export const FIELDS: Array<keyof DetailsValues> = ["name", "email", "phone", "note"];

/** Where public.book's input holds each field (the patient's details sit under `patient`). */
const serverPath = (field: keyof DetailsValues) => (field === "note" ? "note" : `patient.${field}`);

// The server's zod schemas are needed only when the form is sent: they load while the patient
// types, so they stay out of what the page downloads before it is interactive.
const loadValidator = () => import("./validate-details");

export function DetailsStep({
  initial,
  serverErrors,
  onSubmit,
}: {
  initial: DetailsValues;
  /** Field errors the server returned for the last attempt, by the input's paths ("patient.email"). */
  serverErrors: Record<string, string[]>;
  onSubmit: (values: DetailsValues) => void;
}) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>(() => {
    const fromServer: FieldErrors = {};
    for (const field of FIELDS) {
      const message = serverErrors[serverPath(field)]?.[0];
      if (message) fromServer[field] = message;
    }
    return fromServer;
  });
  const [attempt, setAttempt] = useState(0);
  const [loadFailed, setLoadFailed] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const unplaced = Object.entries(serverErrors)
    .filter(([path]) => !FIELDS.some((field) => serverPath(field) === path))
    .flatMap(([, messages]) => messages);

  // After a refused submit, take the user to the first field to fix.
  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const set = (field: keyof DetailsValues) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
  };

  useEffect(() => {
    void loadValidator().catch(() => undefined);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let validateDetails;
    try {
      ({ validateDetails } = await loadValidator());
    } catch {
      setLoadFailed(true);
      return;
    }
    setLoadFailed(false);
    const found = validateDetails(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    onSubmit(values);
  };

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate aria-labelledby="details-heading">
      <StepHeading id="details-heading">Your details</StepHeading>
      <p className={styles.hint}>The clinic uses these to confirm your appointment. We send the confirmation to your e-mail.</p>
      {loadFailed ? <ErrorNotice title="Your details could not be checked" message={NETWORK_MESSAGE} /> : null}
      {unplaced.length > 0 ? <ErrorNotice title="Please check your details" message={unplaced.join(" ")} /> : null}
      <TextField label="Full name" name="name" autoComplete="name" value={values.name} onChange={set("name")} error={errors.name} required />
      <TextField
        label="E-mail"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        value={values.email}
        onChange={set("email")}
        error={errors.email}
        required
      />
      <TextField
        label="Phone (optional)"
        name="phone"
        type="tel"
        autoComplete="tel"
        hint="In case the clinic needs to reach you about this appointment."
        value={values.phone}
        onChange={set("phone")}
        error={errors.phone}
      />
      <TextAreaField
        label="Note for the clinic (optional)"
        name="note"
        value={values.note}
        onChange={set("note")}
        error={errors.note}
      />
      <Button type="submit">Continue</Button>
    </form>
  );
}
