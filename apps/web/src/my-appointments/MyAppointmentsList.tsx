// The signed-in patient's list at one clinic. Opening it links the clinic's records with the
// account's proved address (myAppointments.link), then lists them; every change goes through the
// manage link's rules on the server, which this page only states.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { describeFailure } from "../api/failure";
import { useTRPC } from "../api/trpc";
import type { PublicClinic } from "../api/types";
import type { BookingDraft } from "../booking/booking-draft";
import { bookingDraftKey } from "../booking/booking-steps";
import { patientFailureMessage } from "../i18n/patient-failure";
import { usePatientText } from "../i18n/usePatientText";
import { Button } from "../ui/Button";
import { EmptyNotice, ErrorNotice, SuccessNotice } from "../ui/Notice";
import { Skeleton } from "../ui/Skeleton";
import ui from "../ui/ui.module.css";
import styles from "../booking/booking.module.css";
import { AppointmentCard, type MyAppointment } from "./AppointmentCard";

/** A fresh booking draft with the patient's details filled in (the booking page reads it as its own). */
function startBookingWithDetails(clinicSlug: string, details: BookingDraft["details"]) {
  const draft: BookingDraft = { details, detailsDone: false };
  try {
    window.sessionStorage.setItem(bookingDraftKey(clinicSlug), JSON.stringify(draft));
  } catch {
    // Storage switched off: the booking still works, with the details to type again.
  }
}

export function MyAppointmentsList({ clinic, email }: { clinic: PublicClinic; email: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { t, language } = usePatientText();
  const [done, setDone] = useState<string>();
  const clinicSlug = clinic.slug;
  const link = useMutation(trpc.myAppointments.link.mutationOptions());
  const { mutate: linkRecords } = link;
  useEffect(() => linkRecords({ clinicSlug }), [linkRecords, clinicSlug]);
  const list = useQuery({ ...trpc.myAppointments.list.queryOptions({ clinicSlug }), enabled: link.isSuccess });
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: async () => {
        queryClient.removeQueries({ queryKey: trpc.myAppointments.pathKey() });
        await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
      },
    }),
  );

  const changed = async (message: string) => {
    setDone(message);
    await queryClient.invalidateQueries({ queryKey: trpc.myAppointments.list.queryKey({ clinicSlug }) });
  };

  /** A new booking at this clinic with the patient's details filled in (and the same service and practitioner, when given). */
  const bookAgain = (appointment?: MyAppointment) => {
    const patient = list.data?.patient;
    startBookingWithDetails(clinicSlug, { name: patient?.fullName ?? "", email: patient?.email || email, phone: patient?.phone ?? "", note: "" });
    void navigate({
      to: "/book/$clinicSlug",
      params: { clinicSlug },
      search: appointment ? { lang: language, step: "time", service: appointment.serviceId, practitioner: appointment.practitionerId } : { lang: language },
    });
  };

  const account = (
    <p>
      {t("my.signedInAs", { email })}{" "}
      <Button variant="link" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
        {t("my.signOut")}
      </Button>
    </p>
  );

  if (link.isError) {
    const failure = describeFailure(link.error);
    return (
      <>
        {account}
        <ErrorNotice title={t("my.loadFailed")} message={failure.kind === "refused" ? t("my.unproved") : patientFailureMessage(failure, t)} />
      </>
    );
  }
  if (list.isError) {
    return (
      <>
        {account}
        <ErrorNotice title={t("my.loadFailed")} message={patientFailureMessage(describeFailure(list.error), t)} retryLabel={t("common.tryAgain")} onRetry={() => void list.refetch()} />
      </>
    );
  }
  if (!list.data) {
    return (
      <div aria-busy="true">
        <p role="status" className="visually-hidden">
          {t("my.loading")}
        </p>
        <Skeleton height="12rem" />
      </div>
    );
  }
  const { upcoming, past } = list.data;
  return (
    <>
      {account}
      {done ? <SuccessNotice title={done} /> : null}
      <div className={ui.actions}>
        <Button onClick={() => bookAgain()}>{t("my.bookNew")}</Button>
      </div>
      <section className={styles.panel} style={{ marginTop: "1.5rem" }} aria-labelledby="my-upcoming">
        <h2 id="my-upcoming">{t("my.upcoming")}</h2>
        {upcoming.length === 0 ? (
          <EmptyNotice title={t("my.noUpcoming")} />
        ) : (
          <ul className={styles.choices}>
            {upcoming.map((appointment) => (
              <AppointmentCard key={appointment.id} clinic={clinic} appointment={appointment} onChanged={changed} onBookAgain={bookAgain} />
            ))}
          </ul>
        )}
      </section>
      <section className={styles.panel} style={{ marginTop: "1.5rem" }} aria-labelledby="my-past">
        <h2 id="my-past">{t("my.past")}</h2>
        {past.length === 0 ? (
          <EmptyNotice title={t("my.noPast")} />
        ) : (
          <ul className={styles.choices}>
            {past.map((appointment) => (
              <AppointmentCard key={appointment.id} clinic={clinic} appointment={appointment} onChanged={changed} onBookAgain={bookAgain} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
