// Booking by phone or at the desk: who, what, with whom, when. The start and the practitioner come
// from where the receptionist clicked; the server has the last word on whether the time is free,
// and its answer ("that time was just taken") is shown here, where the receptionist is looking.
import { type LocalDate, instantAt, localDateOf, minutesOfTime, timeOfMinutes } from "@frontdesk/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { bookingPatient } from "@frontdesk/domain";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { RouterOutputs } from "@frontdesk/api";
import { describeFailure, type Failure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useStaffText } from "../../i18n/staff/useStaffText";
import { useDateFormat } from "../../lib/useDateFormat";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import uiStyles from "../../ui/ui.module.css";
import { FreeTimeFinder, type FreeTimePick } from "./FreeTimeFinder";
import { PatientPicker, type NewPatientErrors, type PatientChoice } from "./PatientPicker";
import { SeriesPreview, type SeriesRequest } from "./SeriesPreview";
import { newRepeatDraft, repeatPatternOf, SeriesRepeat, type RepeatErrors } from "./SeriesRepeat";
import styles from "./calendar.module.css";

export interface BookingStart {
  date: LocalDate;
  /** Minutes after midnight on the clinic's clock. */
  minutes: number;
  /** The column clicked; null from the "New appointment" button in a view of several practitioners. */
  practitionerId: string | null;
}

export type BookedAppointment = RouterOutputs["appointments"]["create"];

interface FormErrors {
  patient?: string;
  newPatient: NewPatientErrors;
  service?: string;
  time?: string;
  date?: string;
}

const newPatientSchema = bookingPatient.partial({ email: true });

function validate(choice: PatientChoice, serviceId: string, date: string, time: string): FormErrors {
  const errors: FormErrors = { newPatient: {} };
  if (choice.kind === "search") errors.patient = "Choose a patient from the list, or create a new patient";
  if (choice.kind === "new") {
    const parsed = newPatientSchema.safeParse({ name: choice.patient.name, phone: choice.patient.phone, email: choice.patient.email || undefined });
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "name" || field === "phone" || field === "email") && !errors.newPatient[field]) errors.newPatient[field] = issue.message;
    }
  }
  if (!serviceId) errors.service = "Choose a service";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errors.date = "Enter a date";
  if (minutesOfTime(time) === null) errors.time = "Enter a time such as 09:30";
  return errors;
}

const hasErrors = (errors: FormErrors) => Boolean(errors.patient || errors.service || errors.time || errors.date || Object.keys(errors.newPatient).length);

export function BookingDialog({
  start,
  timeZone,
  locale,
  patient: givenPatient,
  onClose,
  onBooked,
}: {
  start: BookingStart;
  timeZone: string;
  /** The clinic's locale, for the dates and times the dialog shows. */
  locale: string;
  /** The patient to book for (from the patient's page); the receptionist searches otherwise. */
  patient?: PatientChoice;
  onClose: () => void;
  /** A series answers its first appointment and how many were booked. */
  onBooked: (appointment: BookedAppointment, seriesCount?: number) => void;
}) {
  const { t } = useStaffText();
  const format = useDateFormat(locale, timeZone);
  const trpc = useTRPC();
  const practitioners = useQuery(trpc.practitioners.list.queryOptions());
  const services = useQuery(trpc.services.list.queryOptions());
  const [patient, setPatient] = useState<PatientChoice>(givenPatient ?? { kind: "search", query: "" });
  const [practitionerId, setPractitionerId] = useState(start.practitionerId ?? "");
  const [chosenServiceId, setServiceId] = useState("");
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(timeOfMinutes(start.minutes));
  const [notes, setNotes] = useState("");
  // The patient hears of a booking unless the desk says otherwise (e.g. booked face to face).
  const [notify, setNotify] = useState(true);
  const [errors, setErrors] = useState<FormErrors>({ newPatient: {} });
  const [failure, setFailure] = useState<Failure | null>(null);
  const create = useMutation(trpc.appointments.create.mutationOptions());
  // The "Repeat" section: a series is checked in a preview before anything is booked (ADR 0033).
  const [repeating, setRepeating] = useState(false);
  const [repeatDraft, setRepeatDraft] = useState(newRepeatDraft);
  const [repeatErrors, setRepeatErrors] = useState<RepeatErrors>({});
  const [seriesRequest, setSeriesRequest] = useState<SeriesRequest | null>(null);

  const practitionerList = practitioners.data ?? [];
  const chosenPractitioner = practitionerList.find((p) => p.id === practitionerId) ?? practitionerList[0];
  const offered = (services.data ?? []).filter((s) => chosenPractitioner?.serviceIds.includes(s.id));
  // The first service the practitioner offers until the receptionist picks one (and again when a new practitioner does not offer it).
  const serviceId = offered.some((s) => s.id === chosenServiceId) ? chosenServiceId : (offered[0]?.id ?? "");

  async function submit(event: FormEvent) {
    event.preventDefault();
    await book();
  }

  /** Books the form's time, or a time picked in the free-time finder (one click books it). */
  async function book(picked?: FreeTimePick) {
    const found = validate(patient, serviceId, date, time);
    setErrors(found);
    setFailure(null);
    // The repeat section's mistakes are shown with the rest of the form's, all at once.
    const repeat = repeating ? repeatPatternOf(repeatDraft, picked ? localDateOf(picked.start, timeZone) : date, t) : null;
    // A series is booked for a patient on record (create the new patient with a single booking first).
    if (repeat) setRepeatErrors({ ...repeat.errors, ...(patient.kind === "new" ? { patient: t("series.repeat.error.patientOnRecord") } : {}) });
    if (hasErrors(found) || !chosenPractitioner) return;
    const at = picked ?? { start: instantAt(date, minutesOfTime(time)!, timeZone), practitionerId: chosenPractitioner.id };
    if (repeat) {
      if (repeat.pattern && patient.kind === "existing") setSeriesRequest({ serviceId, practitionerId: at.practitionerId, patientId: patient.patient.id, start: at.start, pattern: repeat.pattern });
      return;
    }
    const patientPart =
      patient.kind === "existing"
        ? { patientId: patient.patient.id }
        : patient.kind === "new"
          ? { newPatient: { name: patient.patient.name, phone: patient.patient.phone, ...(patient.patient.email.trim() ? { email: patient.patient.email } : {}) } }
          : {};
    try {
      const booked = await create.mutateAsync({
        ...patientPart,
        serviceId,
        practitionerId: at.practitionerId,
        start: at.start,
        ...(notes.trim() ? { notes } : {}),
        notify,
      });
      onBooked(booked);
    } catch (error) {
      setFailure(describeFailure(error));
    }
  }

  const loading = practitioners.isPending || services.isPending;
  const loadError = practitioners.error ?? services.error;
  const formRef = useRef<HTMLFormElement>(null);
  // Opening a native dialog focuses its first control (the close button); the receptionist on
  // the phone starts by typing the caller's name. Runs after the dialog has opened (child first).
  useEffect(() => {
    if (!loading) formRef.current?.querySelector<HTMLElement>("input")?.focus();
  }, [loading]);

  return (
    <Dialog title="New appointment" onClose={onClose} size="wide">
      {loading ? (
        <div aria-busy="true">
          <span className="visually-hidden">Loading practitioners and services…</span>
          <Skeleton height="12rem" />
        </div>
      ) : loadError ? (
        <ErrorNotice
          title="The practitioners and services could not be loaded"
          message={describeFailure(loadError).message}
          onRetry={() => {
            void practitioners.refetch();
            void services.refetch();
          }}
        />
      ) : seriesRequest ? (
        <SeriesPreview
          request={seriesRequest}
          notify={notify}
          format={format}
          practitionerNames={new Map(practitionerList.map((p) => [p.id, p.displayName]))}
          onBack={() => setSeriesRequest(null)}
          onBooked={(series) => onBooked(series.appointments[0]!, series.appointments.length)}
        />
      ) : (
        <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
          <PatientPicker value={patient} onChange={setPatient} error={errors.patient} newPatientErrors={errors.newPatient} />
          <SelectField label="Practitioner" value={chosenPractitioner?.id ?? ""} onChange={(event) => setPractitionerId(event.target.value)}>
            {practitionerList.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </SelectField>
          <SelectField label="Service" value={serviceId} error={errors.service} onChange={(event) => setServiceId(event.target.value)}>
            {offered.length === 0 ? <option value="">This practitioner offers no services</option> : null}
            {offered.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.durationMinutes} min)
              </option>
            ))}
          </SelectField>
          {serviceId ? (
            <FreeTimeFinder
              serviceId={serviceId}
              practitionerId={start.practitionerId ? (chosenPractitioner?.id ?? null) : practitionerId || null}
              format={format}
              practitionerNames={new Map(practitionerList.map((p) => [p.id, p.displayName]))}
              disabled={create.isPending}
              onPick={(pick) => void book(pick)}
            />
          ) : null}
          <div className={styles.when}>
            <TextField label="Date" type="date" value={date} error={errors.date} onChange={(event) => setDate(event.target.value)} />
            <TextField label="Start" hint={`Clinic time (${timeZone})`} type="time" step={300} value={time} error={errors.time} onChange={(event) => setTime(event.target.value)} />
          </div>
          <label className={styles.notify}>
            <input type="checkbox" checked={repeating} onChange={(event) => setRepeating(event.target.checked)} /> {t("series.repeat.toggle")}
          </label>
          {repeating ? <SeriesRepeat draft={repeatDraft} errors={repeatErrors} format={format} onChange={setRepeatDraft} /> : null}
          {/* A series carries no notes: each occurrence gets its own in the calendar. */}
          {repeating ? null : <TextAreaField label="Notes (optional)" value={notes} onChange={(event) => setNotes(event.target.value)} />}
          <label className={styles.notify}>
            <input type="checkbox" checked={notify} onChange={(event) => setNotify(event.target.checked)} /> Notify the patient (confirmation by e-mail or SMS)
          </label>
          {failure ? <BookingFailure failure={failure} /> : null}
          <div className={uiStyles.actions}>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Booking…" : repeating ? t("series.repeat.check") : "Book appointment"}
            </Button>
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function BookingFailure({ failure }: { failure: Failure }) {
  if (failure.kind === "conflict") {
    return (
      <ErrorNotice title="That time is not free" message={failure.message}>
        <p>Choose another time or another practitioner, then book again.</p>
      </ErrorNotice>
    );
  }
  const details = failure.kind === "invalid" ? Object.values(failure.fieldErrors).flat() : [];
  return (
    <ErrorNotice title="The appointment was not booked" message={failure.message}>
      {details.length ? (
        <ul>
          {details.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </ErrorNotice>
  );
}
