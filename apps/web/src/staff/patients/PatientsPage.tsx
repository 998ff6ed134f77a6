// Search the clinic's patients as you type. The query and page live in the address, so a search
// can be bookmarked, shared with a colleague, and comes back with the browser's back button.
import { formatBirthDate } from "@frontdesk/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useRouter } from "@tanstack/react-router";
import { useState } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { TextField } from "../../ui/Field";
import { EmptyNotice, ErrorNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import { countOf } from "../../lib/count-of";
import { patientsRoute, type PatientsSearch } from "./routes";
import type { PatientListItem, PatientSearchAnswer } from "./types";
import { useDebouncedCallback } from "../../lib/useDebouncedCallback";
import styles from "./patients.module.css";

export const PAGE_SIZE = 20;
/** Long enough to let a receptionist finish a word, short enough to feel live. */
export const SEARCH_DELAY_MS = 300;

// The staff screens speak British English, like the rest of the staff area.
const STAFF_LOCALE = "en-GB";

export function PatientsPage() {
  const trpc = useTRPC();
  const search = patientsRoute.useSearch();
  const query = search.q?.trim() ?? "";
  const page = search.page ?? 1;
  const results = useQuery({
    ...trpc.patients.search.queryOptions({ query, page, pageSize: PAGE_SIZE }),
    // Keep the last answer on screen while the next one loads: the list does not blink per key.
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <h1>Patients</h1>
      <SearchBox query={query} />
      {results.isPending ? (
        <div aria-busy="true">
          <span className="visually-hidden">Searching…</span>
          <Skeleton height="12rem" />
        </div>
      ) : results.isError ? (
        <ErrorNotice title="The patients could not be loaded" message={describeFailure(results.error).message} onRetry={() => void results.refetch()} />
      ) : (
        <Results answer={results.data} query={query} stale={results.isPlaceholderData} />
      )}
    </>
  );
}

function SearchBox({ query }: { query: string }) {
  const navigate = useNavigate({ from: "/app/patients" });
  const [text, setText] = useState(query);
  // The address changed under us (back button, a link): show what it searches for.
  const [shownQuery, setShownQuery] = useState(query);
  if (query !== shownQuery) {
    setShownQuery(query);
    if (text.trim() !== query) setText(query);
  }
  // Typing replaces the address instead of adding one history entry per pause; a new query starts at page 1.
  const router = useRouter();
  const searchFor = useDebouncedCallback((value: string) => {
    // A result clicked before the pause ended: the address already left the list (its page is
    // loading while this one is still shown). Searching now would take the receptionist back.
    if (router.latestLocation.pathname !== patientsRoute.fullPath) return;
    const q = value.trim();
    void navigate({ search: (q ? { q } : {}) satisfies PatientsSearch, replace: true });
  }, SEARCH_DELAY_MS);

  return (
    <form role="search" className={styles.search} onSubmit={(event) => event.preventDefault()}>
      <TextField
        label="Search patients"
        hint="Name, e-mail or phone; accents and capitals do not matter."
        type="search"
        autoComplete="off"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          searchFor(event.target.value);
        }}
      />
    </form>
  );
}

function Results({ answer, query, stale }: { answer: PatientSearchAnswer; query: string; stale: boolean }) {
  const pages = Math.max(1, Math.ceil(answer.total / answer.pageSize));
  const summary = query ? `${countOf(answer.total, "patient matches", "patients match")} “${query}”` : countOf(answer.total, "patient", "patients");
  return (
    <div aria-busy={stale || undefined}>
      <p role="status" className={styles.summary}>
        {summary}
        {pages > 1 ? ` · page ${answer.page} of ${pages}` : ""}
      </p>
      {answer.items.length === 0 ? (
        answer.total > 0 ? (
          <EmptyNotice title="There is nothing on this page">
            <Link to="/app/patients" search={query ? { q: query } : {}}>
              Go to the first page
            </Link>
          </EmptyNotice>
        ) : (
          <EmptyNotice title={query ? "No patient matches this search" : "No patients yet"}>
            <p>{query ? "Check the spelling, or search by phone number or e-mail instead." : "Patients appear here once they book online or are added from the calendar."}</p>
          </EmptyNotice>
        )
      ) : (
        <ul className={styles.list} aria-label="Patients">
          {answer.items.map((patient) => (
            <PatientRow key={patient.id} patient={patient} />
          ))}
        </ul>
      )}
      {pages > 1 ? <Pager page={answer.page} pages={pages} query={query} /> : null}
    </div>
  );
}

function PatientRow({ patient }: { patient: PatientListItem }) {
  const details = [patient.phone, patient.email, patient.dateOfBirth ? `born ${formatBirthDate(patient.dateOfBirth, STAFF_LOCALE)}` : null].filter(Boolean);
  return (
    <li className={styles.row}>
      <Link to="/app/patients/$patientId" params={{ patientId: patient.id }} className={styles.rowName}>
        {patient.fullName}
      </Link>
      {details.length > 0 ? <span className={styles.rowDetails}>{details.join(" · ")}</span> : null}
    </li>
  );
}

function Pager({ page, pages, query }: { page: number; pages: number; query: string }) {
  const at = (n: number): PatientsSearch => ({ ...(query ? { q: query } : {}), ...(n > 1 ? { page: n } : {}) });
  return (
    <nav aria-label="Result pages" className={styles.pager}>
      {page > 1 ? (
        <Link to="/app/patients" search={at(page - 1)} rel="prev">
          Previous page
        </Link>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link to="/app/patients" search={at(page + 1)} rel="next">
          Next page
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
