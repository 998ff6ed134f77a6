import type { ReactNode } from "react";
import { Button } from "./Button";
import styles from "./ui.module.css";

/** A failed request, in words, with a way to try again. */
export function ErrorNotice({
  title,
  message,
  onRetry,
  retryLabel = "Try again",
  children,
}: {
  title: string;
  message: string;
  onRetry?: () => void;
  /** The retry button's words; the patient pages pass their language's. */
  retryLabel?: string;
  children?: ReactNode;
}) {
  return (
    <div role="alert" className={`${styles.notice} ${styles.error}`}>
      <p className={styles.noticeTitle}>{title}</p>
      <p>{message}</p>
      {children}
      {onRetry ? (
        <div className={styles.actions}>
          <Button variant="secondary" onClick={onRetry}>
            {retryLabel}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** Nothing to show yet, and what to do about it. */
export function EmptyNotice({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className={styles.notice}>
      <p className={styles.noticeTitle}>{title}</p>
      {children}
    </div>
  );
}

export function SuccessNotice({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div role="status" className={`${styles.notice} ${styles.success}`}>
      <p className={styles.noticeTitle}>{title}</p>
      {children}
    </div>
  );
}
