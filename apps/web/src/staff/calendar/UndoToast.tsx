// The calendar's undo (ADR 0034): the last change stays undoable for a few seconds in a toast
// fixed in view, announced politely, with an Undo button reachable by keyboard (and Ctrl/Cmd+Z
// while it shows). Undo applies the inverse change through the normal procedures.
import { useEffect, useState } from "react";
import { Button } from "../../ui/Button";
import type { UndoableChange } from "./appointment-changes";
import styles from "./calendar.module.css";

/** How long a change stays undoable. */
export const UNDO_SECONDS = 8;

export function UndoToast({ change, onDone }: { change: UndoableChange | null; onDone: () => void }) {
  const [undoing, setUndoing] = useState(false);

  useEffect(() => {
    if (!change) return;
    const timer = setTimeout(onDone, UNDO_SECONDS * 1000);
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z" && !(event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement)) {
        event.preventDefault();
        void undo();
      }
    };
    const undo = async () => {
      setUndoing(true);
      await change.undo();
      onDone();
    };
    window.addEventListener("keydown", onKey);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("keydown", onKey);
    };
    // The page mounts a new toast per change (key), which restarts the countdown; onDone is the page's setter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [change?.key]);

  return (
    <div className={styles.undoToast} role="status" aria-live="polite">
      {change ? (
        <>
          <span>{change.message}</span>{" "}
          <Button
            variant="secondary"
            disabled={undoing}
            onClick={() => {
              setUndoing(true);
              void change.undo().then(onDone);
            }}
          >
            {undoing ? "Undoing…" : "Undo"}
          </Button>
          <span className="visually-hidden"> (or press Ctrl+Z)</span>
        </>
      ) : null}
    </div>
  );
}
