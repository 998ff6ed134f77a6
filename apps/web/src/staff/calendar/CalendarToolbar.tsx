// The calendar's controls: where we are (heading), how to move (today, previous, next, a date),
// what is shown (day or week, which practitioners), and the way to book without a mouse.
import type { LocalDate } from "@frontdesk/domain";
import { useStaffText } from "../../i18n/staff/useStaffText";
import { Button } from "../../ui/Button";
import type { CalendarPractitioner } from "../types";
import { ZOOM_LEVELS, type CalendarZoom } from "./calendar-zoom";
import { SHORTCUT_KEYS } from "./shortcuts";
import styles from "./calendar.module.css";

export type CalendarView = "day" | "week" | "resources" | "agenda";

/** Views that show seven days (the previous/next buttons step by a week). */
export const WEEK_VIEWS: readonly CalendarView[] = ["week", "resources"];

const VIEW_KEYS: Record<CalendarView, string> = {
  day: "calendar.view.day",
  week: "calendar.view.week",
  resources: "calendar.view.resources",
  agenda: "calendar.view.agenda",
};

const ZOOM_KEYS: Record<CalendarZoom, string> = {
  compact: "calendar.zoom.compact",
  comfortable: "calendar.zoom.comfortable",
  large: "calendar.zoom.large",
};

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
  zoom: CalendarZoom;
  onZoom: (zoom: CalendarZoom) => void;
  onPrint: () => void;
}

export function CalendarToolbar(props: ToolbarProps) {
  const { t } = useStaffText();
  const unit = WEEK_VIEWS.includes(props.view) ? "week" : "day";
  return (
    <>
      <div className={styles.toolbar}>
        <h1 className={styles.title}>{props.title}</h1>
        <div className={styles.dayButtons} role="group" aria-label={unit === "week" ? "Week" : "Day"}>
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
        <div className={styles.dayButtons} role="group" aria-label={t("calendar.view.label")}>
          {(["day", "week", "resources", "agenda"] as const).map((view) => (
            <Button key={view} variant={props.view === view ? "primary" : "secondary"} aria-pressed={props.view === view} onClick={() => props.onView(view)}>
              {t(VIEW_KEYS[view])}
            </Button>
          ))}
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
        {props.view === "agenda" || props.view === "resources" ? null : (
          <label>
            {t("calendar.zoom.label")}
            <select value={props.zoom} onChange={(event) => {
                const zoom = ZOOM_LEVELS.find((level) => level === event.target.value);
                if (zoom) props.onZoom(zoom);
              }}>
              {ZOOM_LEVELS.map((zoom) => (
                <option key={zoom} value={zoom}>
                  {t(ZOOM_KEYS[zoom])}
                </option>
              ))}
            </select>
          </label>
        )}
        {props.onNew ? (
          <Button onClick={props.onNew} aria-keyshortcuts={SHORTCUT_KEYS.newAppointment}>
            New appointment
          </Button>
        ) : null}
        <Button variant="secondary" onClick={props.onPrint}>
          {t("calendar.print")}
        </Button>
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
