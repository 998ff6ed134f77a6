// "Are you sure?" for the settings' irreversible actions, on the shared modal Dialog. The server's
// refusal (e.g. a practitioner with appointments on record) is shown inside, where the person looks.
import { summarizeFailure } from "../api/failure";
import { Button } from "./Button";
import { Dialog } from "./Dialog";
import { ErrorNotice } from "./Notice";
import styles from "./ui.module.css";

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  /** The mutation the confirmation runs: its state shows in the dialog. */
  action: { isPending: boolean; error: unknown };
  onConfirm: () => void;
  onClose: () => void;
}

export function ConfirmDialog({ title, message, confirmLabel, action, onConfirm, onClose }: ConfirmDialogProps) {
  return (
    <Dialog title={title} onClose={onClose}>
      <p>{message}</p>
      {action.error ? <ErrorNotice title="Not done" message={summarizeFailure(action.error)} /> : null}
      <div className={styles.confirmActions}>
        <Button variant="danger" onClick={onConfirm} disabled={action.isPending}>
          {action.isPending ? "Working…" : confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </Dialog>
  );
}
