// Who the appointment is for: an existing patient found as the receptionist types (name, phone or
// e-mail), or a new one created with the booking (a first-time caller on the phone).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@frontdesk/api";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/Field";
import uiStyles from "../../ui/ui.module.css";
import { useDebouncedValue } from "../../lib/useDebouncedValue";
import { PossibleDuplicates } from "./PossibleDuplicates";
import styles from "./calendar.module.css";

export type FoundPatient = RouterOutputs["patients"]["search"]["items"][number];
export interface NewPatient {
  name: string;
  phone: string;
  email: string;
}
export type PatientChoice = { kind: "search"; query: string } | { kind: "existing"; patient: FoundPatient } | { kind: "new"; patient: NewPatient };
export type NewPatientErrors = Partial<Record<keyof NewPatient, string>>;

export const SEARCH_DELAY_MS = 250;
const MIN_QUERY = 2;

export function PatientPicker({
  value,
  onChange,
  error,
  newPatientErrors,
}: {
  value: PatientChoice;
  onChange: (next: PatientChoice) => void;
  /** "Choose a patient": nothing chosen when the form was sent. */
  error?: string | undefined;
  newPatientErrors: NewPatientErrors;
}) {
  return (
    <fieldset className={styles.fieldset}>
      <legend className={uiStyles.label}>Patient</legend>
      {value.kind === "existing" ? (
        <div className={styles.chosenPatient}>
          <p>
            <strong>{value.patient.fullName}</strong>
            <br />
            <span className={styles.muted}>{contactLine(value.patient)}</span>
          </p>
          {/* Focus follows the choice: the list it was picked from is gone. */}
          <Button variant="secondary" autoFocus onClick={() => onChange({ kind: "search", query: "" })}>
            Change patient
          </Button>
        </div>
      ) : value.kind === "new" ? (
        <>
          <NewPatientFields value={value.patient} errors={newPatientErrors} onChange={(patient) => onChange({ kind: "new", patient })} onSearchInstead={() => onChange({ kind: "search", query: value.patient.name })} />
          <PossibleDuplicates fullName={value.patient.name} email={value.patient.email} phone={value.patient.phone} onUse={(patient) => onChange({ kind: "existing", patient })} />
        </>
      ) : (
        <PatientSearch query={value.query} error={error} onQuery={(query) => onChange({ kind: "search", query })} onChoose={(patient) => onChange({ kind: "existing", patient })} onCreate={(name) => onChange({ kind: "new", patient: { name, phone: "", email: "" } })} />
      )}
    </fieldset>
  );
}

const contactLine = (patient: FoundPatient) => [patient.phone, patient.email, patient.dateOfBirth ? `born ${patient.dateOfBirth}` : null].filter(Boolean).join(" · ") || "No contact details";

function PatientSearch({
  query,
  error,
  onQuery,
  onChoose,
  onCreate,
}: {
  query: string;
  error?: string | undefined;
  onQuery: (query: string) => void;
  onChoose: (patient: FoundPatient) => void;
  onCreate: (name: string) => void;
}) {
  const trpc = useTRPC();
  const settled = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const search = useQuery({
    ...trpc.patients.search.queryOptions({ query: settled, pageSize: 8 }),
    enabled: settled.length >= MIN_QUERY,
    placeholderData: keepPreviousData,
  });
  const typing = query.trim() !== settled;
  const found = settled.length >= MIN_QUERY ? search.data : undefined;
  // Looks like a name (not a phone number or e-mail): offer it as the new patient's name.
  const nameGuess = /^[^\d@]+$/.test(query.trim()) ? query.trim() : "";

  return (
    <>
      <TextField
        label="Find a patient"
        // Back from "Change patient": that button is gone, the search is what comes next.
        autoFocus
        hint="Name, phone or e-mail"
        type="search"
        autoComplete="off"
        value={query}
        error={error}
        onChange={(event) => onQuery(event.target.value)}
      />
      <p role="status" className={styles.muted}>
        {query.trim().length < MIN_QUERY
          ? ""
          : typing || search.isFetching
            ? "Searching…"
            : search.isError
              ? `The search failed: ${describeFailure(search.error).message}`
              : found
                ? found.total === 0
                  ? `No patient matches “${settled}”.`
                  : `${found.total} ${found.total === 1 ? "patient matches" : "patients match"}${found.total > found.items.length ? `; the first ${found.items.length} are shown` : ""}.`
                : ""}
      </p>
      {found && found.items.length > 0 ? (
        <ul className={styles.patientResults} aria-label="Matching patients">
          {found.items.map((patient) => (
            <li key={patient.id}>
              <button type="button" className={styles.patientResult} onClick={() => onChoose(patient)}>
                <strong>{patient.fullName}</strong>
                <span className={styles.muted}>{contactLine(patient)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <Button variant="secondary" onClick={() => onCreate(nameGuess)}>
        New patient
      </Button>
    </>
  );
}

function NewPatientFields({
  value,
  errors,
  onChange,
  onSearchInstead,
}: {
  value: NewPatient;
  errors: NewPatientErrors;
  onChange: (next: NewPatient) => void;
  onSearchInstead: () => void;
}) {
  const set = (field: keyof NewPatient) => (event: { target: { value: string } }) => onChange({ ...value, [field]: event.target.value });
  return (
    <>
      <TextField label="Full name" autoComplete="off" autoFocus value={value.name} error={errors.name} onChange={set("name")} />
      <TextField label="Phone" type="tel" autoComplete="off" value={value.phone} error={errors.phone} onChange={set("phone")} />
      <TextField label="E-mail (optional)" type="email" autoComplete="off" value={value.email} error={errors.email} onChange={set("email")} />
      <Button variant="link" onClick={onSearchInstead}>
        Search existing patients instead
      </Button>
    </>
  );
}
