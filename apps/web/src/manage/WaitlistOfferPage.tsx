// /waitlist/:token, the link in a waitlist offer (ADR 0035): the freed time, and one button that
// takes it. Taking acts on a click, not on opening (mail scanners open links). When someone else
// was quicker, or the offer ran out, the server's answer says so and the patient stays listed.
import { createDateFormat } from "@frontdesk/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import type { TFunction } from "i18next";
import { describeFailure, type Failure } from "../api/failure";
import { useTRPC } from "../api/trpc";
import { patientFailureMessage } from "../i18n/patient-failure";
import { usePatientText } from "../i18n/usePatientText";
import { Button } from "../ui/Button";
import { ErrorNotice, SuccessNotice } from "../ui/Notice";
import ui from "../ui/ui.module.css";
import styles from "../booking/booking.module.css";

const CLOSED = {
  claimed: "link.offer.closed.claimed",
  gone: "link.offer.closed.gone",
  expired: "link.offer.closed.expired",
} as const;

export function WaitlistOfferPage() {
  const { token } = useParams({ from: "/waitlist/$token" });
  const trpc = useTRPC();
  const { t, language } = usePatientText();
  const offer = useQuery(trpc.public.waitlist.offer.queryOptions({ token }));
  const claim = useMutation(trpc.public.waitlist.claim.mutationOptions());
  // The offer's answer carries the clinic's zone but not its locale: dates in the patient's language.
  const format = offer.data ? createDateFormat({ locale: language, timeZone: offer.data.timezone, patientTimeZone: offer.data.timezone }) : null;
  return (
    <main className={styles.panel}>
      <h1>{t("link.offer.heading")}</h1>
      {offer.isPending ? <p role="status">{t("link.offer.loading")}</p> : null}
      {offer.error ? <ErrorNotice title={t("link.failed")} message={patientFailureMessage(describeFailure(offer.error), t)} /> : null}
      {offer.data && format ? (
        <>
          <p>
            <strong>{offer.data.serviceName}</strong> {t("link.offer.withAt", { practitioner: offer.data.practitionerName, clinic: offer.data.clinicName })}
            <br />
            {format.appointmentTime(offer.data.start, offer.data.end)}
          </p>
          {claim.data ? (
            <SuccessNotice title={t("link.offer.booked", { service: offer.data.serviceName, clinic: claim.data.appointment.clinicName })}>
              <p>
                {t("link.offer.bookedHelp")}{" "}
                <Link to="/booking/$token" params={{ token: claim.data.manageToken }}>
                  {t("link.offer.manage")}
                </Link>
                .
              </p>
            </SuccessNotice>
          ) : claim.error ? (
            <ErrorNotice title={t("link.offer.claimFailed")} message={claimFailureMessage(describeFailure(claim.error), t)} />
          ) : offer.data.outcome !== "pending" ? (
            <ErrorNotice title={t("link.offer.closed")} message={t(CLOSED[offer.data.outcome])} />
          ) : (
            <>
              <p>{t("link.offer.openUntil", { until: format.dateTime(offer.data.expiresAt) })}</p>
              <div className={ui.actions}>
                <Button onClick={() => claim.mutate({ token })} disabled={claim.isPending}>
                  {claim.isPending ? t("link.offer.booking") : t("link.offer.take")}
                </Button>
              </div>
            </>
          )}
        </>
      ) : null}
    </main>
  );
}

/** Someone else was quicker, or the offer ran out while the page was open: the patient stays listed. */
function claimFailureMessage(failure: Failure, t: TFunction): string {
  return failure.reason === "OFFER_GONE" ? t("link.offer.gone") : patientFailureMessage(failure, t);
}
