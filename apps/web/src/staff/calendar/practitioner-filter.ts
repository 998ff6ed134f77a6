// Which practitioners the day view shows, remembered per browser and per clinic (a receptionist
// who works at two clinics has two front desks). Hidden ones are stored, so a new colleague shows up.
import { useCallback, useMemo, useState } from "react";

const storageKey = (clinicId: string) => `frontdesk.calendar.hiddenPractitioners.${clinicId}`;

function readHidden(clinicId: string): string[] {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(storageKey(clinicId)) ?? "[]");
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === "string") : [];
  } catch {
    // Storage blocked (private mode) or garbled: show everyone.
    return [];
  }
}

export function useHiddenPractitioners(clinicId: string) {
  const [state, setState] = useState(() => ({ clinicId, hidden: readHidden(clinicId) }));
  // Another clinic chosen with the switcher: its own choice.
  const hidden = state.clinicId === clinicId ? state.hidden : readHidden(clinicId);
  const setShown = useCallback(
    (practitionerId: string, shown: boolean) => {
      const next = shown ? hidden.filter((id) => id !== practitionerId) : [...new Set([...hidden, practitionerId])];
      setState({ clinicId, hidden: next });
      try {
        window.localStorage.setItem(storageKey(clinicId), JSON.stringify(next));
      } catch {
        // Not remembered this time; the choice still applies until the page is left.
      }
    },
    [clinicId, hidden],
  );
  const hiddenSet = useMemo(() => new Set(hidden), [hidden]);
  return { hidden: hiddenSet, setShown };
}
