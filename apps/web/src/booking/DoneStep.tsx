// Step 8: booked. What, when, where; add to calendar; the link to change or cancel.
import { appointmentCalendarFile, calendarDataUrl, type DateFormat } from "@frontdesk/domain";
import { Link } from "@tanstack/react-router";
import { useMemo } from "react";
import type { BookAnswer, PublicClinic } from "../api/types";
import { useEnvironment } from "../environment";
import { usePatientText } from "../i18n/usePatientText";
import { Button } from "../ui/Button";
import { SuccessNotice } from "../ui/Notice";
import { StepHeading } from "../ui/StepHeading";
import ui from "../ui/ui.module.css";
import styles from "./booking.module.css";

export function DoneStep({ answer, clinic, fmt }: { answer: BookAnswer; clinic: PublicClinic; fmt: DateFormat }) {
  const { now } = useEnvironment();
  const { t, language } = usePatientText();
  const { appointment } = answer;
  // The same file the confirmation e-mail attaches: built from the same booking answer.
  const ics = useMemo(() => calendarDataUrl(appointmentCalendarFile({ booking: answer, clinic, now: now(), language })), [answer, clinic, now, language]);
  const patientTime = fmt.patientDateTime(appointment.start);
  return (
    <>
      <StepHeading>{t("done.heading")}</StepHeading>
      <SuccessNotice title={t("done.what", { service: appointment.serviceName, practitioner: appointment.practitionerName })}>
        <p>
          {fmt.dateTime(appointment.start)}
          {patientTime ? t("done.yourTime", { time: patientTime }) : ""}
        </p>
        <p>{clinic.address ? `${clinic.name}, ${clinic.address}` : clinic.name}</p>
      </SuccessNotice>
      <p>{t("done.mailed")}</p>
      <div className={ui.actions}>
        <a className={ui.button} href={ics} download={`appointment-${fmt.localDate(appointment.start)}.ics`}>
          {t("done.addToCalendar")}
        </a>
        <Link to="/booking/$token" params={{ token: answer.manageToken }} search={{ lang: language }} className={`${ui.button} ${ui.secondary}`}>
          {t("done.changeOrCancel")}
        </Link>
      </div>
      <p className={styles.manageLink} style={{ marginTop: "1.5rem" }}>
        {t("done.keepLink")} <a href={answer.manageUrl}>{answer.manageUrl}</a>
      </p>
      <Button variant="link" onClick={() => window.location.assign(`/book/${clinic.slug}?lang=${language}`)}>
        {t("done.bookAnother")}
      </Button>
    </>
  );
}
