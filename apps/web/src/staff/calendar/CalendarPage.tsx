// The reception calendar: a day of every practitioner, or one practitioner's week, live, with
// booking on a click and every change to an appointment one dialog (or one drag) away.
import { addDays, can, firstDayOfWeek, instantAt, isoWeekday, type LocalDate } from "@frontdesk/domain";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useStaffText } from "../../i18n/staff/useStaffText";
import { useDateFormat } from "../../lib/useDateFormat";
import { Button } from "../../ui/Button";
import { ErrorNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import type { CalendarAppointment } from "../types";
import { useStaffSession } from "../StaffLayout";
import { AppointmentDialog } from "./AppointmentDialog";
import { useAppointmentChanges } from "./appointment-changes";
import { UndoToast } from "./UndoToast";
import type { GridSlot } from "./block-drag";
import { BookingDialog, type BookedAppointment, type BookingStart } from "./BookingDialog";
import { CalendarGrid } from "./CalendarGrid";
import { AgendaView } from "./AgendaView";
import { ROW_HEIGHTS, useCalendarZoom } from "./calendar-zoom";
import { CalendarToolbar, WEEK_VIEWS, type CalendarView } from "./CalendarToolbar";
import { ResourceWeek } from "./ResourceWeek";
import { useClinicNow } from "./clinic-clock";
import { layoutDay, layoutWeek, ROW_MINUTES } from "./day-layout";
import { useLiveRefresh } from "./live-refresh";
import { useHiddenPractitioners } from "./practitioner-filter";
import { calendarRoute, type CalendarSearch } from "./routes";
import { useCalendarShortcuts } from "./shortcuts";
import { ShortcutsDialog } from "./ShortcutsDialog";
import styles from "./calendar.module.css";
import viewStyles from "./calendar-views.module.css";

/** A phone starts with the day's list (the grid needs a wider screen); a link with a view keeps it. */
const firstView = (): CalendarView => (typeof window !== "undefined" && window.matchMedia?.("(max-width: 40rem)").matches ? "agenda" : "day");

// Staff screens are in English; dates and times follow the clinic's locale when it has one.
const STAFF_LOCALE = "en-GB";

/** The clinic's locale when this browser can format in it; the staff default otherwise. */
function localeFor(clinicLocale: string | undefined): string {
  try {
    return clinicLocale && Intl.DateTimeFormat.supportedLocalesOf([clinicLocale]).length > 0 ? clinicLocale : STAFF_LOCALE;
  } catch {
    // Not a well-formed language tag.
    return STAFF_LOCALE;
  }
}

type OpenDialog = { kind: "book"; start: BookingStart } | { kind: "appointment"; appointment: CalendarAppointment } | { kind: "help" };

/** The first day of the week holding `date`, by the locale's first weekday. */
function startOfWeek(date: LocalDate, locale: string): LocalDate {
  return addDays(date, -((isoWeekday(date) - firstDayOfWeek(locale) + 7) % 7));
}

export function CalendarPage() {
  const { membership } = useStaffSession();
  const search = calendarRoute.useSearch();
  const navigate = useNavigate({ from: "/app/calendar" });
  const trpc = useTRPC();
  const { t } = useStaffText();
  const queryClient = useQueryClient();
  const timeZone = membership.timezone;
  // The locale arrives with the calendar (calendar.range); the previous answer stands in while the
  // next range loads, so the week's first day (which the locale decides) does not flip back and forth.
  const [locale, setLocale] = useState(STAFF_LOCALE);
  const now = useClinicNow(timeZone);
  const today = now.date;
  const date = search.date ?? today;
  const [defaultView] = useState(firstView);
  const view: CalendarView = search.view ?? defaultView;
  const [zoom, setZoom] = useCalendarZoom();
  const dates = useMemo(() => {
    if (!WEEK_VIEWS.includes(view)) return [date];
    const first = startOfWeek(date, locale);
    return Array.from({ length: 7 }, (_, i) => addDays(first, i));
  }, [view, date, locale]);
  const range = useQuery({ ...trpc.calendar.range.queryOptions({ from: dates[0]!, to: dates[dates.length - 1]! }), placeholderData: keepPreviousData });
  const clinicLocale = localeFor(range.data?.locale);
  if (range.data && clinicLocale !== locale) setLocale(clinicLocale);
  const zone = range.data?.timezone ?? timeZone;
  const format = useDateFormat(locale, zone);
  const { hidden, setShown } = useHiddenPractitioners(membership.clinicId);
  const changes = useAppointmentChanges();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [announcement, setAnnouncement] = useState("");
  // The block whose drop the server refused: the reason is shown next to it (DropRefusal.tsx).
  const [refusedDrop, setRefusedDrop] = useState<string | null>(null);
  const reconnecting = useLiveRefresh();
  // The API lets the front desk book, move and cancel; practitioners set statuses only.
  const canBook = can(membership.role, "appointments.create");

  const practitioners = range.data?.practitioners ?? [];
  const weekPractitionerId = view === "week" ? (practitioners.find((p) => p.id === search.practitioner) ?? practitioners.find((p) => !hidden.has(p.id)) ?? practitioners[0])?.id ?? null : null;
  const layout = useMemo(() => {
    if (!range.data) return null;
    if (view === "week") return weekPractitionerId ? layoutWeek(range.data, dates, weekPractitionerId, zone) : layoutDay({ ...range.data, practitioners: [] }, date, zone);
    return layoutDay({ ...range.data, practitioners: range.data.practitioners.filter((p) => !hidden.has(p.id)) }, date, zone);
  }, [range.data, view, weekPractitionerId, dates, date, zone, hidden]);

  const go = (next: Partial<CalendarSearch>) => void navigate({ search: (current) => ({ ...current, ...next }) });
  const step = (direction: -1 | 1) => go({ date: addDays(date, direction * (WEEK_VIEWS.includes(view) ? 7 : 1)) });
  const newAppointment = () => {
    if (!canBook) return;
    // Today: the next quarter of an hour; another day: the top of the grid.
    const minutes = date === today ? Math.ceil((now.minutes + 1) / ROW_MINUTES) * ROW_MINUTES : (layout?.startMinutes ?? 9 * 60);
    setDialog({ kind: "book", start: { date, minutes: Math.min(minutes, 24 * 60 - ROW_MINUTES), practitionerId: weekPractitionerId } });
  };
  useCalendarShortcuts({
    today: () => go({ date: today }),
    previous: () => step(-1),
    next: () => step(1),
    newAppointment,
    help: () => setDialog({ kind: "help" }),
  });

  const onBooked = (booked: BookedAppointment, seriesCount?: number) => {
    setDialog(null);
    setAnnouncement(
      seriesCount === undefined
        ? `Booked: ${booked.serviceName} with ${booked.practitionerName}, ${format.dateTime(booked.start)}.`
        : t("series.booked", { n: seriesCount, service: booked.serviceName, when: format.dateTime(booked.start) }),
    );
    void queryClient.invalidateQueries(trpc.calendar.range.pathFilter());
  };
  const onMove = (appointment: CalendarAppointment, to: GridSlot) => {
    const start = instantAt(to.date, to.minutes, zone);
    if (start === new Date(appointment.start).toISOString() && to.practitionerId === appointment.practitionerId) return;
    setRefusedDrop(null);
    void changes.reschedule(appointment, { start, practitionerId: to.practitionerId }).then((saved) => {
      if (saved) setAnnouncement(`Moved ${appointment.patientName} to ${format.dateTime(start)}.`);
      else setRefusedDrop(appointment.id);
    });
  };
  // The open appointment as the calendar shows it now (optimistic changes included); as it was
  // opened if it has left the visible range (moved to another day).
  const openAppointment = dialog?.kind === "appointment" ? (range.data?.appointments.find((a) => a.id === dialog.appointment.id) ?? dialog.appointment) : null;
  // While the next day or week loads, the previous answer stays on screen (no flash of a skeleton);
  // it must not claim the new day is empty.
  const loadingNext = range.isPlaceholderData;
  const isEmpty = !loadingNext && layout?.columns.every((column) => column.appointments.length === 0);
  const shownPractitioners = practitioners.filter((p) => !hidden.has(p.id));
  const dropRefusal =
    refusedDrop && changes.refusal && layout?.columns.some((column) => column.appointments.some((placed) => placed.appointment.id === refusedDrop))
      ? { appointmentId: refusedDrop, message: changes.refusal, onDismiss: changes.dismissRefusal }
      : null;
  const openFromList = (appointment: CalendarAppointment) => {
    changes.dismissRefusal();
    setDialog({ kind: "appointment", appointment });
  };

  return (
    <>
      <CalendarToolbar
        title={WEEK_VIEWS.includes(view) ? `Week of ${format.date(dates[0]!)}` : format.date(date)}
        view={view}
        date={date}
        isToday={dates.includes(today)}
        practitioners={practitioners}
        practitionerId={weekPractitionerId}
        hidden={hidden}
        onDate={(next) => go({ date: next })}
        onStep={step}
        onToday={() => go({ date: today })}
        onView={(next) => go(next === "week" ? { view: "week" } : { view: next === "day" ? undefined : next, practitioner: undefined })}
        onPractitioner={(practitioner) => go({ practitioner })}
        onShown={setShown}
        onNew={canBook ? newAppointment : undefined}
        onHelp={() => setDialog({ kind: "help" })}
        zoom={zoom}
        onZoom={setZoom}
        onPrint={() => window.print()}
      />
      {reconnecting ? (
        <p role="status" className={styles.reconnecting}>
          Reconnecting to live updates… The calendar will refresh when the connection returns.
        </p>
      ) : null}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {changes.refusal && dialog?.kind !== "appointment" && !dropRefusal ? (
        <ErrorNotice title="Change undone" message={changes.refusal}>
          <Button variant="secondary" onClick={changes.dismissRefusal}>
            Dismiss
          </Button>
        </ErrorNotice>
      ) : null}
      {range.isPending ? (
        <div aria-busy="true">
          <span className="visually-hidden">Loading the calendar…</span>
          <Skeleton height="20rem" />
        </div>
      ) : range.isError ? (
        <ErrorNotice title="The calendar could not be loaded" message={describeFailure(range.error).message} onRetry={() => void range.refetch()} />
      ) : practitioners.length === 0 ? (
        <p>
          This clinic has no practitioners yet. Owners and admins add them in the clinic settings.{" "}
          {can(membership.role, "clinic.setup.checklist") ? <Link to="/app/setup">Open the setup checklist</Link> : null}
        </p>
      ) : layout && layout.columns.length === 0 ? (
        <p>No practitioner is shown. Choose some under “Practitioners shown”.</p>
      ) : view === "agenda" && range.data ? (
        <div className={styles.screenView}>
          <AgendaView date={date} practitioners={shownPractitioners} appointments={range.data.appointments} format={format} onOpen={openFromList} caption={format.date(date)} />
        </div>
      ) : view === "resources" && range.data ? (
        <div className={styles.screenView}>
          <ResourceWeek dates={dates} today={today} practitioners={shownPractitioners} appointments={range.data.appointments} format={format} onOpen={openFromList} onPractitionerWeek={(practitioner) => go({ view: "week", practitioner })} />
        </div>
      ) : layout ? (
        <div className={styles.gridArea} aria-busy={loadingNext || undefined}>
          {/* The range answer also holds the neighbouring days' appointments (zone offsets): count the view's own. */}
          {isEmpty ? <p className={styles.empty}>{view === "week" ? "No appointments this week." : "No appointments on this day."}</p> : null}
          <CalendarGrid
            layout={layout}
            format={format}
            view={view === "week" ? "week" : "day"}
            headingOf={(column) => (view === "week" ? `${format.weekdays(1)[isoWeekday(column.date) - 1]!.short} ${format.dayAndMonth(column.date)}` : column.practitioner.displayName)}
            now={now}
            canBook={canBook}
            onPickTime={(slot) => setDialog({ kind: "book", start: slot })}
            onOpen={(appointment) => {
              changes.dismissRefusal();
              setDialog({ kind: "appointment", appointment });
            }}
            onMove={onMove}
            rowHeight={ROW_HEIGHTS[zoom]}
            refusal={dropRefusal}
          />
        </div>
      ) : null}
      {range.data ? (
        // The printed day sheet: one table of the day, whatever the screen shows (CSS prints only this).
        <div className={viewStyles.printSheet} data-testid="day-sheet">
          <AgendaView date={date} practitioners={shownPractitioners} appointments={range.data.appointments} format={format} caption={`${membership.clinicName} · ${format.date(date)}`} />
        </div>
      ) : null}
      {dialog?.kind === "book" ? <BookingDialog start={dialog.start} timeZone={zone} locale={locale} onClose={() => setDialog(null)} onBooked={onBooked} /> : null}
      {openAppointment ? <AppointmentDialog appointment={openAppointment} format={format} changes={changes} canMove={can(membership.role, "appointments.reschedule")} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === "help" ? <ShortcutsDialog onClose={() => setDialog(null)} /> : null}
      <UndoToast key={changes.lastChange?.key ?? 0} change={changes.lastChange} onDone={changes.forgetLastChange} />
    </>
  );
}
