// The audit log's patient filter: a combobox that finds a patient as the admin types part of a
// name, phone or e-mail (patients.search, the same search as the patients screen). Downshift's
// useCombobox gives the ARIA 1.2 combobox pattern (roles, aria-activedescendant, arrow keys,
// Enter, Escape); the live status line says what the search found, since a listbox appearing is
// not announced by itself.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCombobox } from "downshift";
import { useId, useState } from "react";
import { countryForTimeZone, formatPhone } from "@frontdesk/domain";
import type { RouterOutputs } from "@frontdesk/api";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useDebouncedValue } from "../../lib/useDebouncedValue";
import uiStyles from "../../ui/ui.module.css";
import styles from "./settings.module.css";

type FoundPatient = RouterOutputs["patients"]["search"]["items"][number];
export interface ChosenPatient {
  id: string;
  name: string;
}

const SEARCH_DELAY_MS = 250;
const MIN_QUERY = 2;
const SHOWN = 8;

/**
 * `value` is the patient the log is filtered by. Remount it (a `key` of the chosen id) when the
 * filter changes from elsewhere, so the field shows that patient's name.
 */
export function AuditPatientFilter({ value, onChange, timeZone }: { value: ChosenPatient | null; onChange: (patient: ChosenPatient | null) => void; timeZone: string }) {
  const trpc = useTRPC();
  const id = useId();
  const [query, setQuery] = useState(value?.name ?? "");
  const typed = query.trim();
  // Once a patient is chosen the field holds their name: that is not a new search.
  const searching = typed.length >= MIN_QUERY && typed !== value?.name;
  const settled = useDebouncedValue(searching ? typed : "", SEARCH_DELAY_MS);
  const search = useQuery({
    ...trpc.patients.search.queryOptions({ query: settled, pageSize: SHOWN }),
    enabled: settled.length >= MIN_QUERY,
    placeholderData: keepPreviousData,
  });
  const found = searching && settled.length >= MIN_QUERY ? search.data : undefined;
  const items = found?.items ?? [];

  const combobox = useCombobox<FoundPatient>({
    items,
    inputValue: query,
    selectedItem: null,
    itemToString: (patient) => patient?.fullName ?? "",
    onInputValueChange: ({ inputValue, type }) => {
      // Choosing writes the name into the field through this same call: keep it, it is not typing.
      if (type === useCombobox.stateChangeTypes.ItemClick || type === useCombobox.stateChangeTypes.InputKeyDownEnter) return;
      setQuery(inputValue);
      if (value && inputValue.trim() === "") onChange(null);
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (!selectedItem) return;
      setQuery(selectedItem.fullName);
      onChange({ id: selectedItem.id, name: selectedItem.fullName });
    },
  });

  // Open only with options to show: an empty listbox announced as expanded would mislead.
  const open = combobox.isOpen && items.length > 0;
  const status = !searching
    ? ""
    : typed !== settled || search.isFetching
      ? "Searching…"
      : search.isError
        ? `The search failed: ${describeFailure(search.error).message}`
        : found
          ? found.total === 0
            ? `No patient matches “${settled}”.`
            : `${found.total} ${found.total === 1 ? "patient matches" : "patients match"}${found.total > found.items.length ? `; the first ${found.items.length} are listed` : ""}. Use the arrow keys to choose.`
          : "";

  return (
    <div className={`${uiStyles.field} ${styles.combobox}`}>
      <label {...combobox.getLabelProps()} className={uiStyles.label}>
        Patient
      </label>
      <span id={`${id}-hint`} className={uiStyles.hint}>
        Type part of a name, phone or e-mail
      </span>
      <input {...combobox.getInputProps({ "aria-expanded": open, "aria-describedby": `${id}-hint ${id}-status` })} type="text" autoComplete="off" spellCheck={false} className={uiStyles.input} />
      <p id={`${id}-status`} role="status" className={styles.muted}>
        {status}
      </p>
      {/* The listbox is always in the page (the combobox points at it), drawn only when it has options. */}
      <ul {...combobox.getMenuProps({ "aria-label": "Matching patients" })} className={styles.comboboxList} hidden={!open}>
        {open
          ? items.map((patient, index) => (
              <li key={patient.id} {...combobox.getItemProps({ item: patient, index })} className={styles.comboboxOption} data-highlighted={combobox.highlightedIndex === index || undefined}>
                <strong>{patient.fullName}</strong>
                <span className={styles.muted}>{[formatPhone(patient.phone, countryForTimeZone(timeZone)), patient.email, patient.dateOfBirth ? `born ${patient.dateOfBirth}` : null].filter(Boolean).join(" · ")}</span>
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
