// The calendar's controls: where we are (heading), how to move (today, previous, next, a date),
// what is shown (day or week, which practitioners), and the way to book without a mouse.
import type { LocalDate } from "@frontdesk/domain";
import { Button } from "../../ui/Button";
import type { CalendarPractitioner } from "../types";
import { SHORTCUT_KEYS } from "./shortcuts";
import styles from "./calendar.module.css";

export type CalendarView = "day" | "week";

export interface ToolbarProps {
  title: string;
  view: CalendarView;
  date: LocalDate;
  isToday: boolean;
  practitioners: CalendarPractitioner[];
  /** The week view's practitioner. */
  practitionerId: string | null;
  hidden: Set<string>;
  onDate: (date: LocalDate) => void;
  onStep: (direction: -1 | 1) => void;
  onToday: () => void;
  onView: (view: CalendarView) => void;
  onPractitioner: (practitionerId: string) => void;
  onShown: (practitionerId: string, shown: boolean) => void;
  /** Absent for members who may not book (practitioners). */
  onNew?: (() => void) | undefined;
  onHelp: () => void;
}

export function CalendarToolbar(props: ToolbarProps) {
  const unit = props.view === "week" ? "week" : "day";
  return (
    <>
      <div className={styles.toolbar}>
        <h1 className={styles.title}>{props.title}</h1>
        <div className={styles.dayButtons} role="group" aria-label={props.view === "week" ? "Week" : "Day"}>
          <Button variant="secondary" onClick={() => props.onStep(-1)} aria-keyshortcuts={SHORTCUT_KEYS.previous}>
            Previous {unit}
          </Button>
          <Button variant="secondary" onClick={props.onToday} aria-keyshortcuts={SHORTCUT_KEYS.today} disabled={props.isToday}>
            Today
          </Button>
          <Button variant="secondary" onClick={() => props.onStep(1)} aria-keyshortcuts={SHORTCUT_KEYS.next}>
            Next {unit}
          </Button>
        </div>
      </div>
      <div className={styles.controls}>
        <div className={styles.dayButtons} role="group" aria-label="View">
          <Button variant={props.view === "day" ? "primary" : "secondary"} aria-pressed={props.view === "day"} onClick={() => props.onView("day")}>
            Day
          </Button>
          <Button variant={props.view === "week" ? "primary" : "secondary"} aria-pressed={props.view === "week"} onClick={() => props.onView("week")}>
            Week
          </Button>
        </div>
        <label>
          Go to date
          <input type="date" value={props.date} onChange={(event) => event.target.value && props.onDate(event.target.value)} />
        </label>
        {props.view === "week" ? (
          <label>
            Practitioner
            <select value={props.practitionerId ?? ""} onChange={(event) => props.onPractitioner(event.target.value)}>
              {props.practitioners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <PractitionerFilter practitioners={props.practitioners} hidden={props.hidden} onShown={props.onShown} />
        )}
        {props.onNew ? (
          <Button onClick={props.onNew} aria-keyshortcuts={SHORTCUT_KEYS.newAppointment}>
            New appointment
          </Button>
        ) : null}
        <Button variant="link" onClick={props.onHelp} aria-keyshortcuts={SHORTCUT_KEYS.help}>
          Keyboard shortcuts
        </Button>
      </div>
    </>
  );
}

function PractitionerFilter({ practitioners, hidden, onShown }: { practitioners: CalendarPractitioner[]; hidden: Set<string>; onShown: (id: string, shown: boolean) => void }) {
  const shown = practitioners.filter((p) => !hidden.has(p.id)).length;
  return (
    <details className={styles.filter}>
      <summary>
        Practitioners shown: {shown} of {practitioners.length}
      </summary>
      <fieldset>
        <legend className="visually-hidden">Practitioners shown</legend>
        {practitioners.map((p) => (
          <label key={p.id}>
            <input type="checkbox" checked={!hidden.has(p.id)} onChange={(event) => onShown(p.id, event.target.checked)} /> {p.displayName}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
