// /book/:clinicSlug/my — a patient's own appointments at this clinic (ADR 0050): signed in with an
// e-mailed code, upcoming and past appointments, cancel or move within the clinic's rules (the
// manage link's), and "book again" with their details filled in.
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTRPC } from "../api/trpc";
import { LanguageSwitcher } from "../i18n/LanguageSwitcher";
import { usePatientText } from "../i18n/usePatientText";
import { Skeleton } from "../ui/Skeleton";
import { CodeSignIn } from "./CodeSignIn";
import { MyAppointmentsList } from "./MyAppointmentsList";

export function MyAppointmentsPage() {
  const { clinicSlug } = useParams({ from: "/book/$clinicSlug/my" });
  const trpc = useTRPC();
  const clinic = useSuspenseQuery(trpc.public.clinic.queryOptions({ clinicSlug })).data;
  const me = useQuery(trpc.auth.me.queryOptions());
  const { t } = usePatientText();
  const title = t("my.title", { clinic: clinic.name });
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <>
      <LanguageSwitcher />
      <h1>{t("my.heading", { clinic: clinic.name })}</h1>
      {me.isPending ? (
        <div aria-busy="true">
          <Skeleton height="12rem" />
        </div>
      ) : me.data ? (
        <MyAppointmentsList clinic={clinic} email={me.data.user.email} />
      ) : (
        <CodeSignIn />
      )}
    </>
  );
}
