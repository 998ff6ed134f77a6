// The waitlist for staff (ADR 0035): who waits for what, the offers each was sent and how they
// ended, and the front desk's two moves: book a waiting patient into a time, or take them off.
import type { RouterOutputs } from "@frontdesk/api";
import { can, instantAt } from "@frontdesk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useDateFormat } from "../../lib/useDateFormat";
import { Button } from "../../ui/Button";
import { SelectField, TextField } from "../../ui/Field";
import { EmptyNotice, ErrorNotice, SuccessNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import { useStaffSession } from "../StaffLayout";
import { waitlistRoute } from "./routes";
import styles from "./waitlist.module.css";

type Entry = RouterOutputs["waitlist"]["list"]["items"][number];
type Format = ReturnType<typeof useDateFormat>;

// Staff screens are in English; see CalendarPage.
const STAFF_LOCALE = "en-GB";
const OUTCOMES = { pending: "waiting for an answer", claimed: "taken", gone: "taken by someone else", expired: "expired" } as const;
const PARTS = { morning: "mornings", afternoon: "afternoons", evening: "evenings" } as const;

export function WaitlistPage() {
  const { status } = waitlistRoute.useSearch();
  const { membership } = useStaffSession();
  const format = useDateFormat(STAFF_LOCALE, membership.timezone);
  const trpc = useTRPC();
  const list = useQuery(trpc.waitlist.list.queryOptions({ status: status ?? "waiting" }));
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <h1>Waitlist</h1>
      <nav className={styles.tabs} aria-label="Waitlist entries">
        <Link to="/app/waitlist" search={{}} activeOptions={{ includeSearch: true }}>
          Waiting
        </Link>
        <Link to="/app/waitlist" search={{ status: "booked" }} activeOptions={{ includeSearch: true }}>
          Booked
        </Link>
        <Link to="/app/waitlist" search={{ status: "removed" }} activeOptions={{ includeSearch: true }}>
          Removed
        </Link>
      </nav>
      {done ? <SuccessNotice title={done} /> : null}
      {list.isPending ? <Skeleton height="6rem" /> : null}
      {list.error ? <ErrorNotice title="The waitlist could not be loaded" message={describeFailure(list.error).message} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <EmptyNotice title="Nobody here">
          <p>Patients join from the booking page when no time suits them; a freed time is offered to them by e-mail.</p>
        </EmptyNotice>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className={styles.list} aria-label="Waitlist">
          {list.data.items.map((entry) => (
            <WaitlistEntry key={entry.id} entry={entry} format={format} canAct={can(membership.role, "waitlist.book")} onDone={setDone} />
          ))}
        </ul>
      ) : null}
    </>
  );
}

function WaitlistEntry({ entry, format, canAct, onDone }: { entry: Entry; format: Format; canAct: boolean; onDone: (message: string) => void }) {
  const [booking, setBooking] = useState(false);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.waitlist.remove.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.waitlist.pathFilter());
        onDone(`${entry.patientName} is off the waitlist`);
      },
    }),
  );
  const parts = entry.timesOfDay.length === 0 ? "any time of day" : entry.timesOfDay.map((p) => PARTS[p]).join(", ");
  return (
    <li className={styles.entry}>
      <div>
        <Link to="/app/patients/$patientId" params={{ patientId: entry.patientId }}>
          <strong>{entry.patientName}</strong>
        </Link>{" "}
        waits for {entry.serviceName}
        {entry.practitionerName ? ` with ${entry.practitionerName}` : ""}
        <br />
        <span className={styles.muted}>
          {format.date(entry.fromDate)} to {format.date(entry.toDate)}, {parts} · joined {entry.source === "online" ? "online" : "by staff"} on {format.date(format.localDate(entry.createdAt))}
        </span>
      </div>
      {entry.offers.length > 0 ? (
        <ul className={styles.offers} aria-label={`Offers to ${entry.patientName}`}>
          {entry.offers.map((offer) => (
            <li key={offer.id}>
              Offered {format.dateTime(offer.start)} with {offer.practitionerName}: {OUTCOMES[offer.outcome]}
              {offer.outcome === "pending" ? ` (until ${format.dateTime(offer.expiresAt)})` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {canAct && entry.status === "waiting" ? (
        <div className={styles.actions}>
          <Button variant="secondary" onClick={() => setBooking((open) => !open)}>
            Book a time
          </Button>
          <Button variant="danger" onClick={() => remove.mutate({ entryId: entry.id })} disabled={remove.isPending}>
            Remove
          </Button>
        </div>
      ) : null}
      {remove.error ? <p role="alert">{describeFailure(remove.error).message}</p> : null}
      {booking ? <BookFromWaitlist entry={entry} onBooked={(message) => onDone(message)} /> : null}
    </li>
  );
}

/** Staff choose the practitioner and the time (outside the online rules, never over another appointment). */
function BookFromWaitlist({ entry, onBooked }: { entry: Entry; onBooked: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { membership } = useStaffSession();
  const format = useDateFormat(STAFF_LOCALE, membership.timezone);
  const practitioners = useQuery(trpc.practitioners.list.queryOptions());
  const offering = (practitioners.data ?? []).filter((p) => p.active && p.serviceIds.includes(entry.serviceId) && (!entry.practitionerId || p.id === entry.practitionerId));
  const [practitionerId, setPractitionerId] = useState(entry.practitionerId ?? "");
  const [date, setDate] = useState(entry.fromDate);
  const [time, setTime] = useState("09:00");
  const book = useMutation(
    trpc.waitlist.book.mutationOptions({
      onSuccess: async (appointment) => {
        await queryClient.invalidateQueries(trpc.waitlist.pathFilter());
        onBooked(`${entry.patientName} is booked: ${format.dateTime(appointment.start)}`);
      },
    }),
  );
  const chosen = practitionerId || offering[0]?.id || "";
  return (
    <form
      className={styles.bookForm}
      onSubmit={(event) => {
        event.preventDefault();
        book.mutate({ entryId: entry.id, practitionerId: chosen, start: instantAt(date, time, membership.timezone) });
      }}
    >
      <SelectField label="Practitioner" value={chosen} onChange={(event) => setPractitionerId(event.target.value)}>
        {offering.map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName}
          </option>
        ))}
      </SelectField>
      <TextField label="Date" type="date" value={date} onChange={(event) => setDate(event.target.value)} />
      <TextField label="Time" type="time" value={time} onChange={(event) => setTime(event.target.value)} />
      <Button type="submit" disabled={book.isPending || !chosen}>
        {book.isPending ? "Booking…" : "Book"}
      </Button>
      {book.error ? <p role="alert">{describeFailure(book.error).message}</p> : null}
    </form>
  );
}
