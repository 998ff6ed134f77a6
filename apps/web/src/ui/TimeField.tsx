// A wall-clock time typed as HH:MM. A text input rather than <input type="time">: the server's
// "24:00" end of day has no place in a time picker, and typed times read the same in every browser.
// `context` ("Monday interval 1") is read out before the visible label; errors are tied to the input.
import { forwardRef, useId, type InputHTMLAttributes } from "react";
import styles from "./ui.module.css";

interface TimeFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type"> {
  label: string;
  context: string;
  error?: string | undefined;
}

export const TimeField = forwardRef<HTMLInputElement, TimeFieldProps>(function TimeField({ label, context, error, ...input }, ref) {
  const id = useId();
  return (
    <div className={styles.timeField}>
      <label htmlFor={id}>
        <span className="visually-hidden">{context} </span>
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="HH:MM"
        maxLength={5}
        className={styles.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...input}
      />
      {error ? (
        <p id={`${id}-error`} className={styles.fieldError}>
          {error}
        </p>
      ) : null}
    </div>
  );
});
