// /waitlist/:token, the link in a waitlist offer (ADR 0035): the freed time, and one button that
// takes it. Taking acts on a click, not on opening (mail scanners open links). When someone else
// was quicker, or the offer ran out, the server's answer says so and the patient stays listed.
import { createDateFormat } from "@frontdesk/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { describeFailure } from "../api/failure";
import { useTRPC } from "../api/trpc";
import { Button } from "../ui/Button";
import { ErrorNotice, SuccessNotice } from "../ui/Notice";
import ui from "../ui/ui.module.css";
import styles from "../booking/booking.module.css";

const CLOSED: Record<"claimed" | "gone" | "expired", string> = {
  claimed: "You have taken this time already.",
  gone: "Sorry, this time has been taken. You stay on the waitlist: we will write again when another time frees up.",
  expired: "Sorry, this offer has expired. You stay on the waitlist: we will write again when another time frees up.",
};

export function WaitlistOfferPage() {
  const { token } = useParams({ from: "/waitlist/$token" });
  const trpc = useTRPC();
  const offer = useQuery(trpc.public.waitlist.offer.queryOptions({ token }));
  const claim = useMutation(trpc.public.waitlist.claim.mutationOptions());
  const format = offer.data ? createDateFormat({ locale: "en-GB", timeZone: offer.data.timezone, patientTimeZone: offer.data.timezone }) : null;
  return (
    <main className={styles.panel}>
      <h1>A time has freed up</h1>
      {offer.isPending ? <p role="status">Loading the offer…</p> : null}
      {offer.error ? <ErrorNotice title="This link did not work" message={describeFailure(offer.error).message} /> : null}
      {offer.data && format ? (
        <>
          <p>
            <strong>{offer.data.serviceName}</strong> with {offer.data.practitionerName} at {offer.data.clinicName}
            <br />
            {format.appointmentTime(offer.data.start, offer.data.end)}
          </p>
          {claim.data ? (
            <SuccessNotice title={`Booked: ${offer.data.serviceName} at ${claim.data.appointment.clinicName}`}>
              <p>
                We have sent you a confirmation. To cancel or move it: <Link to="/booking/$token" params={{ token: claim.data.manageToken }}>manage your booking</Link>.
              </p>
            </SuccessNotice>
          ) : claim.error ? (
            <ErrorNotice title="This time could not be booked" message={describeFailure(claim.error).message} />
          ) : offer.data.outcome !== "pending" ? (
            <ErrorNotice title="This offer is closed" message={CLOSED[offer.data.outcome]} />
          ) : (
            <>
              <p>The offer is open until {format.dateTime(offer.data.expiresAt)}. Other patients may have been offered the same time: the first to take it gets it.</p>
              <div className={ui.actions}>
                <Button onClick={() => claim.mutate({ token })} disabled={claim.isPending}>
                  {claim.isPending ? "Booking…" : "Take this time"}
                </Button>
              </div>
            </>
          )}
        </>
      ) : null}
    </main>
  );
}
