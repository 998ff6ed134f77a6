// A modal dialog on the browser's own <dialog>: showModal() gives focus containment, an inert
// page behind, Escape to close and the top layer, with no focus-trap code of ours to get wrong.
// Focus returns to whatever opened it when it closes.
import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from "react";
import styles from "./ui.module.css";

export interface DialogProps {
  /** Shown as the dialog's heading and used as its accessible name. */
  title: string;
  /** Called when the person dismisses it (Escape, the close button); the caller unmounts it. */
  onClose: () => void;
  children: ReactNode;
  /** "wide" for forms with two columns; defaults to a narrow dialog. */
  size?: "narrow" | "wide";
}

export function Dialog({ title, onClose, children, size = "narrow" }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // The latest onClose, for listeners attached once when the dialog opens.
  const onCloseRef = useRef(onClose);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // Escape fires "cancel": let the owner decide (it unmounts us) instead of the browser closing
    // a dialog React still thinks is open.
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener("cancel", onCancel);
    return () => {
      dialog.removeEventListener("cancel", onCancel);
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog ref={ref} aria-labelledby={titleId} className={[styles.dialog, size === "wide" ? styles.dialogWide : ""].join(" ")}>
      <header className={styles.dialogHeader}>
        <h2 id={titleId}>{title}</h2>
        <button type="button" className={styles.dialogClose} aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
