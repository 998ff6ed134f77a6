import { Dialog } from "../../ui/Dialog";
import styles from "./calendar.module.css";

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <dl className={styles.shortcuts}>
        <dt>
          <kbd>t</kbd>
        </dt>
        <dd>Go to today</dd>
        <dt>
          <kbd>←</kbd> <kbd>→</kbd>
        </dt>
        <dd>Previous or next day (week in the week view)</dd>
        <dt>
          <kbd>n</kbd>
        </dt>
        <dd>New appointment</dd>
        <dt>
          <kbd>?</kbd>
        </dt>
        <dd>This list</dd>
        <dt>
          <kbd>Esc</kbd>
        </dt>
        <dd>Close a dialog</dd>
      </dl>
      <p className={styles.muted}>Shortcuts do nothing while you type in a field or while a dialog is open.</p>
    </Dialog>
  );
}
