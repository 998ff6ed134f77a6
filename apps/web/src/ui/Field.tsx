// Labelled form fields: the label, an optional hint and the error are tied to the control
// (htmlFor, aria-describedby, aria-invalid), the same way for every kind of control.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import styles from "./ui.module.css";

interface FieldShared {
  label: string;
  hint?: string;
  error?: string | undefined;
}

/** What the control inside a field needs: its id and the attributes that tie it to hint and error. */
interface ControlProps {
  id: string;
  className: string | undefined;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

function Field({ label, hint, error, control }: FieldShared & { control: (props: ControlProps) => ReactNode }) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {hint ? (
        <span id={`${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      ) : null}
      {control({ id, className: styles.input, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {error ? (
        <p id={`${id}-error`} className={styles.fieldError}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({ label, hint, error, ...input }: FieldShared & InputHTMLAttributes<HTMLInputElement>) {
  return <Field label={label} hint={hint} error={error} control={(props) => <input {...props} {...input} />} />;
}

export function TextAreaField({ label, hint, error, ...textarea }: FieldShared & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <Field label={label} hint={hint} error={error} control={(props) => <textarea rows={3} {...props} {...textarea} />} />;
}

export function SelectField({ label, hint, error, children, ...select }: FieldShared & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      control={(props) => (
        <select {...props} {...select}>
          {children}
        </select>
      )}
    />
  );
}
