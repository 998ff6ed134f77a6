// On the time step, when no time suits: join the clinic's waitlist for this service (ADR 0035).
// The patient names the days and parts of the day that would do; when such a time frees up, the
// clinic e-mails an offer with a link that books it. The form loads when the patient opens it.
import type { LocalDate } from "@frontdesk/domain";
import { lazy, Suspense, useState } from "react";
import { usePatientText } from "../i18n/usePatientText";
import { Button } from "../ui/Button";
import ui from "../ui/ui.module.css";

const WaitlistJoinForm = lazy(() => import("./WaitlistJoinForm").then((m) => ({ default: m.WaitlistJoinForm })));

export function WaitlistJoin(props: { clinicSlug: string; serviceId: string; practitionerId: string | undefined; today: LocalDate }) {
  const { t } = usePatientText();
  const [open, setOpen] = useState(false);
  if (open) {
    return (
      <Suspense fallback={<p role="status">{t("waitlist.heading")}…</p>}>
        <WaitlistJoinForm {...props} />
      </Suspense>
    );
  }
  return (
    <div className={ui.actions}>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("waitlist.open")}
      </Button>
    </div>
  );
}
