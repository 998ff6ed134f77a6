import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useMemo, useState } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useEnvironment } from "../../environment";
import { addDays, todayIn, type LocalDate } from "../../lib/datetime";
import { useDateFormat } from "../../lib/useDateFormat";
import { calendarRoute } from "./routes";
import { Button } from "../../ui/Button";
import { ErrorNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import { useStaffSession } from "../StaffLayout";
import { layoutDay } from "./day-layout";
import { DayGrid } from "./DayGrid";
import styles from "./calendar.module.css";

// Staff screens are in English; the clinic's own locale arrives with clinic settings (issue 8).
const STAFF_LOCALE = "en-GB";

export function CalendarPage() {
  const { membership } = useStaffSession();
  const { now } = useEnvironment();
  const search = calendarRoute.useSearch();
  const navigate = useNavigate({ from: "/app/calendar" });
  const trpc = useTRPC();
  const timeZone = membership.timezone;
  const today = todayIn(timeZone, now());
  const date = search.date ?? today;
  const range = useQuery(trpc.calendar.range.queryOptions({ from: date, to: date }));
  const format = useDateFormat(STAFF_LOCALE, range.data?.timezone ?? timeZone);
  const layout = useMemo(() => (range.data ? layoutDay(range.data, date, range.data.timezone) : null), [range.data, date]);

  const goTo = (next: LocalDate) => void navigate({ search: { date: next } });
  useDayShortcuts({ today: () => goTo(today), previous: () => goTo(addDays(date, -1)), next: () => goTo(addDays(date, 1)) });
  const reconnecting = useLiveRefresh();

  return (
    <>
      <div className={styles.toolbar}>
        <h1 className={styles.title}>{format.date(date)}</h1>
        <div className={styles.dayButtons} role="group" aria-label="Day">
          <Button variant="secondary" onClick={() => goTo(addDays(date, -1))} aria-keyshortcuts="ArrowLeft">
            Previous day
          </Button>
          <Button variant="secondary" onClick={() => goTo(today)} aria-keyshortcuts="t" disabled={date === today}>
            Today
          </Button>
          <Button variant="secondary" onClick={() => goTo(addDays(date, 1))} aria-keyshortcuts="ArrowRight">
            Next day
          </Button>
        </div>
      </div>
      {reconnecting ? (
        <p role="status" className={styles.reconnecting}>
          Reconnecting to live updates… The calendar will refresh when the connection returns.
        </p>
      ) : null}
      {range.isPending ? (
        <div aria-busy="true">
          <span className="visually-hidden">Loading the calendar…</span>
          <Skeleton height="20rem" />
        </div>
      ) : range.isError ? (
        <ErrorNotice title="The calendar could not be loaded" message={describeFailure(range.error).message} onRetry={() => void range.refetch()} />
      ) : layout && layout.columns.length === 0 ? (
        <p>This clinic has no practitioners yet. Owners and admins add them in the clinic settings.</p>
      ) : layout ? (
        <>
          {/* The range answer also holds the neighbouring days' appointments (zone offsets): count this day's. */}
          {layout.columns.every((column) => column.appointments.length === 0) ? <p className={styles.empty}>No appointments on this day.</p> : null}
          <DayGrid layout={layout} format={format} />
        </>
      ) : null}
    </>
  );
}

/** t = today, ← / → = previous / next day; not while typing, and not with modifier keys. */
function useDayShortcuts(actions: { today: () => void; previous: () => void; next: () => void }) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
      const action = event.key === "t" ? actions.today : event.key === "ArrowLeft" ? actions.previous : event.key === "ArrowRight" ? actions.next : null;
      if (!action) return;
      event.preventDefault();
      action();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [actions]);
}

/**
 * Re-reads the visible range whenever the clinic's calendar changes (calendar.changes sends ids
 * only), and again when a dropped connection returns, since events may have been missed meanwhile.
 * Answers whether the feed is reconnecting.
 */
function useLiveRefresh(): boolean {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reconnecting, setReconnecting] = useState(false);
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const refetch = () => void queryClient.invalidateQueries(trpc.calendar.range.pathFilter());
    const source = new EventSource("/trpc/calendar.changes", { withCredentials: true });
    let dropped = false;
    source.onmessage = refetch;
    source.onerror = () => {
      dropped = true;
      setReconnecting(true);
    };
    source.onopen = () => {
      if (!dropped) return;
      dropped = false;
      setReconnecting(false);
      refetch();
    };
    return () => source.close();
  }, [trpc, queryClient]);
  return reconnecting;
}
