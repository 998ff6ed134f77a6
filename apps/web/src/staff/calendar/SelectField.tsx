// A labelled <select> styled like the shared text fields (ui/Field has no select yet).
import { useId, type SelectHTMLAttributes } from "react";
import styles from "../../ui/ui.module.css";

export function SelectField({ label, error, children, ...select }: { label: string; error?: string | undefined } & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <select id={id} className={styles.input} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...select}>
        {children}
      </select>
      {error ? (
        <p id={`${id}-error`} className={styles.fieldError}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
