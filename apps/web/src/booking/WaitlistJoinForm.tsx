// The waitlist form (ADR 0035): the days and parts of the day that would do, and who is asking.
// Loaded only when the patient opens it (WaitlistJoin.tsx), so the booking page stays in budget.
import { addDays, type LocalDate } from "@frontdesk/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeFailure } from "../api/failure";
import { useTRPC } from "../api/trpc";
import { patientFailureMessage } from "../i18n/patient-failure";
import { usePatientText } from "../i18n/usePatientText";
import { Button } from "../ui/Button";
import { TextField } from "../ui/Field";
import { ErrorNotice, SuccessNotice } from "../ui/Notice";
import ui from "../ui/ui.module.css";

type Part = "morning" | "afternoon" | "evening";
const PARTS: Part[] = ["morning", "afternoon", "evening"];

export function WaitlistJoinForm({ clinicSlug, serviceId, practitionerId, today }: { clinicSlug: string; serviceId: string; practitionerId: string | undefined; today: LocalDate }) {
  const { t, language } = usePatientText();
  const trpc = useTRPC();
  const [fromDate, setFromDate] = useState(today);
  const [toDate, setToDate] = useState(addDays(today, 14));
  const [parts, setParts] = useState<Part[]>([]);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const join = useMutation(trpc.public.waitlist.join.mutationOptions());
  const partLabels: Record<Part, string> = { morning: t("slots.morning"), afternoon: t("slots.afternoon"), evening: t("slots.evening") };

  if (join.data) return <SuccessNotice title={t("waitlist.joined")}>{<p>{t("waitlist.joinedHint")}</p>}</SuccessNotice>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    join.mutate({
      clinicSlug,
      serviceId,
      ...(practitionerId ? { practitionerId } : {}),
      fromDate,
      toDate,
      timesOfDay: parts,
      patient: { name, email, ...(phone.trim() ? { phone } : {}) },
      language,
    });
  };
  return (
    <form onSubmit={submit} aria-label={t("waitlist.heading")}>
      <h3>{t("waitlist.heading")}</h3>
      <p>{t("waitlist.intro")}</p>
      <TextField label={t("waitlist.from")} type="date" min={today} value={fromDate} onChange={(event) => setFromDate(event.target.value)} required />
      <TextField label={t("waitlist.to")} type="date" min={fromDate} value={toDate} onChange={(event) => setToDate(event.target.value)} required />
      <fieldset>
        <legend>{t("waitlist.parts")}</legend>
        {PARTS.map((part) => (
          <label key={part}>
            <input type="checkbox" checked={parts.includes(part)} onChange={() => setParts((now) => (now.includes(part) ? now.filter((p) => p !== part) : [...now, part]))} /> {partLabels[part]}
          </label>
        ))}
      </fieldset>
      <TextField label={t("details.name")} autoComplete="name" value={name} onChange={(event) => setName(event.target.value)} required />
      <TextField label={t("details.email")} type="email" autoComplete="email" value={email} onChange={(event) => setEmail(event.target.value)} required />
      <TextField label={t("details.phone")} type="tel" autoComplete="tel" value={phone} onChange={(event) => setPhone(event.target.value)} />
      {join.error ? <ErrorNotice title={t("waitlist.failed")} message={patientFailureMessage(describeFailure(join.error), t)} /> : null}
      <div className={ui.actions}>
        <Button type="submit" disabled={join.isPending}>
          {t("waitlist.submit")}
        </Button>
      </div>
    </form>
  );
}
