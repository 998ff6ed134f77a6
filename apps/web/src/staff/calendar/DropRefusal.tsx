// A refused drop explains itself where the receptionist is looking (issue 17): next to the block,
// which is already back in its place, announced at once (role=alert), until dismissed or the next
// change. The reason is the server's (taken meanwhile, changed by a colleague, not movable now).
import { useStaffText } from "../../i18n/staff/useStaffText";
import type { PlacedAppointment } from "./day-layout";
import styles from "./series.module.css";

export interface DropRefusalNotice {
  appointmentId: string;
  message: string;
  onDismiss: () => void;
}

/** Drawn in the block's column, on the rows just below it; nothing when the block is in another column. */
export function DropRefusal({ notice, placed }: { notice: DropRefusalNotice; placed: PlacedAppointment | undefined }) {
  const { t } = useStaffText();
  if (!placed) return null;
  return (
    <div
      role="alert"
      className={styles.dropRefusal}
      data-testid="drop-refusal"
      style={{ gridRowStart: placed.endRow, gridRowEnd: `span 4`, gridColumnStart: placed.lane + 1 }}
      // A click here must not book the time underneath.
      onClick={(event) => event.stopPropagation()}
    >
      <p>{notice.message}</p>
      <button type="button" onClick={notice.onDismiss}>
        {t("calendar.dropRefusal.dismiss")}
      </button>
    </div>
  );
}
