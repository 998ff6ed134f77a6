// Step 6: who is coming. Checked with the server's own schema before anything is sent.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { usePatientText } from "../i18n/usePatientText";
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

/** By field, the catalogue key of its problem (`details.error.…`). */
export type FieldErrors = Partial<Record<keyof DetailsValues, string>>;

const ERROR_KEYS: Record<keyof DetailsValues, { invalid: string; tooLong: string }> = {
  name: { invalid: "details.error.nameMissing", tooLong: "details.error.nameTooLong" },
  email: { invalid: "details.error.emailInvalid", tooLong: "details.error.emailInvalid" },
  phone: { invalid: "details.error.phoneInvalid", tooLong: "details.error.phoneInvalid" },
  note: { invalid: "details.error.noteTooLong", tooLong: "details.error.noteTooLong" },
};

/** The catalogue key for a field's problem, from this page's check or the server's. */
export function detailsErrorKey(field: keyof DetailsValues, tooLong: boolean): string {
  return ERROR_KEYS[field][tooLong ? "tooLong" : "invalid"];
}

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
  const { t } = usePatientText();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>(() => {
    const fromServer: FieldErrors = {};
    for (const field of FIELDS) {
      // The server words its checks in English; the patient reads this page's own sentence.
      const message = serverErrors[serverPath(field)]?.[0];
      if (message) fromServer[field] = detailsErrorKey(field, /too long|at most/i.test(message));
    }
    return fromServer;
  });
  const [attempt, setAttempt] = useState(0);
  const [loadFailed, setLoadFailed] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const unplaced = Object.entries(serverErrors)
    .filter(([path]) => !FIELDS.some((field) => serverPath(field) === path))
    .flatMap(([, messages]) => messages);
  const errorText = (field: keyof DetailsValues) => {
    const key = errors[field];
    return key ? t(key) : undefined;
  };

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
      <StepHeading id="details-heading">{t("details.heading")}</StepHeading>
      <p className={styles.hint}>{t("details.hint")}</p>
      {loadFailed ? <ErrorNotice title={t("details.checkFailed")} message={t("failure.network")} /> : null}
      {unplaced.length > 0 ? <ErrorNotice title={t("details.checkThem")} message={t("failure.invalid")} /> : null}
      <TextField label={t("details.name")} name="name" autoComplete="name" value={values.name} onChange={set("name")} error={errorText("name")} required />
      <TextField
        label={t("details.email")}
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        value={values.email}
        onChange={set("email")}
        error={errorText("email")}
        required
      />
      <TextField
        label={t("details.phone")}
        name="phone"
        type="tel"
        autoComplete="tel"
        hint={t("details.phoneHint")}
        value={values.phone}
        onChange={set("phone")}
        error={errorText("phone")}
      />
      <TextAreaField
        label={t("details.note")}
        name="note"
        value={values.note}
        onChange={set("note")}
        error={errorText("note")}
      />
      <Button type="submit">{t("details.continue")}</Button>
    </form>
  );
}
