// One patient: contact details, no-shows, appointments ahead and behind (by the clinic's clock),
// and the actions the member's role is offered.
import { can, countryForTimeZone, formatPhone, STATUS_NAMES, type DateFormat } from "@frontdesk/domain";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTRPC } from "../../api/trpc";
import { useEnvironment } from "../../environment";
import { useDateFormat } from "../../lib/useDateFormat";
import { Button } from "../../ui/Button";
import { EmptyNotice, SuccessNotice } from "../../ui/Notice";
import { ClinicalNotes } from "../clinical-notes/ClinicalNotes";
import { useStaffSession } from "../StaffLayout";
import { ArchivePatientDialog } from "./ArchivePatientDialog";
import { BookForPatient } from "../booking/BookForPatient";
import { EditPatientDialog } from "./EditPatientDialog";
import { ErasePatient } from "./ErasePatient";
import { ExportPatient } from "./ExportPatient";
import { MergePatientDialog, SplitBackButton } from "./MergePatientDialog";
import { countOf } from "../../lib/count-of";
import { patientRoute } from "./routes";
import type { PatientAppointment, PatientRecordAnswer } from "./types";
import styles from "./patients.module.css";

// Staff screens are in English; see CalendarPage.
const STAFF_LOCALE = "en-GB";

export function PatientPage() {
  const { patientId } = patientRoute.useParams();
  const trpc = useTRPC();
  const record = useSuspenseQuery(trpc.patients.get.queryOptions({ patientId }));
  return <PatientRecordView answer={record.data} />;
}

type OpenDialog = "edit" | "archive" | "merge" | null;

function PatientRecordView({ answer }: { answer: PatientRecordAnswer }) {
  const { membership } = useStaffSession();
  const { now } = useEnvironment();
  const format = useDateFormat(STAFF_LOCALE, membership.timezone);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { patient, noShowCount } = answer;
  const { upcoming, past } = splitByNow(answer.appointments, now());

  return (
    <>
      <p>
        <Link to="/app/patients">← All patients</Link>
      </p>
      <div className={styles.header}>
        <h1>{patient.fullName}</h1>
        <div className={styles.actions}>
          {can(membership.role, "appointments.create") && !patient.archivedAt ? <BookForPatient patient={patient} format={format} onBooked={setSaved} /> : null}
          <Button variant="secondary" onClick={() => setDialog("edit")}>
            Edit details
          </Button>
          {can(membership.role, "patients.export") ? <ExportPatient patientId={patient.id} /> : null}
          {can(membership.role, "patients.merge") && !patient.archivedAt ? (
            <Button variant="secondary" onClick={() => setDialog("merge")}>
              Merge into…
            </Button>
          ) : null}
          {can(membership.role, "patients.unmerge") && patient.mergedIntoId ? <SplitBackButton patient={patient} onDone={setSaved} /> : null}
          {can(membership.role, "patients.archive") && !patient.archivedAt ? (
            <Button variant="danger" onClick={() => setDialog("archive")}>
              Archive
            </Button>
          ) : null}
          {can(membership.role, "patients.erase") ? <ErasePatient patient={patient} onErased={setSaved} /> : null}
        </div>
      </div>
      {saved ? <SuccessNotice title={saved} /> : null}
      {patient.archivedAt ? (
        <EmptyNotice title={`Archived on ${format.date(format.localDate(patient.archivedAt))}`}>
          <p>This patient no longer appears in search. Their history is kept.</p>
        </EmptyNotice>
      ) : null}
      <div className={styles.sections}>
        <section aria-labelledby="contact-heading">
          <h2 id="contact-heading">Contact details</h2>
          <dl className={styles.details}>
            <dt>Phone</dt>
            <dd>{patient.phone ? <a href={`tel:${patient.phone.replace(/[^\d+]/g, "")}`}>{formatPhone(patient.phone, countryForTimeZone(membership.timezone))}</a> : "Not given"}</dd>
            <dt>E-mail</dt>
            <dd>{patient.email ? <a href={`mailto:${patient.email}`}>{patient.email}</a> : "Not given"}</dd>
            <dt>Date of birth</dt>
            <dd>{patient.dateOfBirth ? format.birthDate(patient.dateOfBirth) : "Not given"}</dd>
            <dt>No-shows</dt>
            <dd className={noShowCount > 0 ? styles.noShows : undefined}>{noShowCount === 0 ? "None" : countOf(noShowCount, "no-show", "no-shows")}</dd>
            {patient.notes ? (
              <>
                <dt>Notes</dt>
                <dd>{patient.notes}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section aria-labelledby="appointments-heading">
          <h2 id="appointments-heading">Appointments</h2>
          <h3>Upcoming</h3>
          <AppointmentList appointments={upcoming} format={format} empty="No upcoming appointments." />
          <h3>Past</h3>
          <AppointmentList appointments={past} format={format} empty="No past appointments." />
        </section>
        {can(membership.role, "notes.list") ? (
          <section aria-labelledby="clinical-notes-heading">
            <h2 id="clinical-notes-heading">Clinical notes</h2>
            <ClinicalNotes patientId={patient.id} format={format} />
          </section>
        ) : null}
      </div>
      {dialog === "edit" ? (
        <EditPatientDialog
          patient={patient}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            setSaved("Changes saved");
          }}
        />
      ) : null}
      {dialog === "merge" ? <MergePatientDialog patient={patient} onClose={() => setDialog(null)} /> : null}
      {dialog === "archive" ? (
        <ArchivePatientDialog
          patient={patient}
          onClose={() => setDialog(null)}
          onArchived={() => {
            setDialog(null);
            setSaved(`${patient.fullName} is archived`);
          }}
        />
      ) : null}
    </>
  );
}

/** Upcoming: starting from now on, soonest first. Past: already started, most recent first. */
export function splitByNow(appointments: PatientAppointment[], now: Date) {
  const nowMs = now.getTime();
  const upcoming = appointments.filter((a) => Date.parse(a.startsAt) >= nowMs).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const past = appointments.filter((a) => Date.parse(a.startsAt) < nowMs).sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
  return { upcoming, past };
}

function AppointmentList({ appointments, format, empty }: { appointments: PatientAppointment[]; format: DateFormat; empty: string }) {
  if (appointments.length === 0) return <p>{empty}</p>;
  return (
    <ul className={styles.appointments}>
      {appointments.map((appointment) => (
        <li key={appointment.id} className={styles.appointment}>
          <Link to="/app/calendar" search={{ date: format.localDate(appointment.startsAt) }}>
            {format.dateTime(appointment.startsAt)}
          </Link>
          <span>
            {appointment.serviceName} with {appointment.practitionerName}
          </span>
          <span className={styles.appointmentMeta}>
            {STATUS_NAMES[appointment.status]}
            {appointment.cancelReason ? ` · ${appointment.cancelReason}` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}
