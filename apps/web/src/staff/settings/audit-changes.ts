// An audit entry's `changes` ({ field: [before, after] }) as short lines a person can scan, in
// the clinic's words: "Price: 30,00 € → 35,00 €", "Start: 7 Dec 2026, 09:00 → …".
const MAX_VALUE = 80;

/** How values of a kind are shown; the page passes the clinic's locale, currency and zone. */
export interface ChangeFormats {
  money: (cents: number) => string;
  dateTime: (iso: string) => string;
  /** A stored (E.164) phone as the clinic's country writes it; as stored when absent. */
  phone?: (stored: string) => string;
}

type Kind = "money" | "minutes" | "instant" | "phone" | "text";

/** Field names as people say them, and how to show their values. Unknown fields keep their own name. */
const FIELDS: Record<string, { label: string; kind: Kind }> = {
  name: { label: "Name", kind: "text" },
  displayName: { label: "Name", kind: "text" },
  fullName: { label: "Name", kind: "text" },
  priceCents: { label: "Price", kind: "money" },
  durationMinutes: { label: "Duration", kind: "minutes" },
  bufferBeforeMinutes: { label: "Buffer before", kind: "minutes" },
  bufferAfterMinutes: { label: "Buffer after", kind: "minutes" },
  bookableOnline: { label: "Bookable online", kind: "text" },
  colour: { label: "Colour", kind: "text" },
  email: { label: "E-mail", kind: "text" },
  phone: { label: "Phone", kind: "phone" },
  status: { label: "Status", kind: "text" },
  start: { label: "Start", kind: "instant" },
  startsAt: { label: "Start", kind: "instant" },
  end: { label: "End", kind: "instant" },
  endsAt: { label: "End", kind: "instant" },
  timezone: { label: "Time zone", kind: "text" },
  minNoticeMinutes: { label: "Minimum notice", kind: "minutes" },
  cancellationNoticeMinutes: { label: "Cancellation notice", kind: "minutes" },
  slotStepMinutes: { label: "Slot step", kind: "minutes" },
  horizonDays: { label: "Booking horizon (days)", kind: "text" },
};

function show(value: unknown, kind: Kind, formats: ChangeFormats | undefined): string {
  if (value === null || value === undefined) return "—";
  if (formats && kind === "money" && typeof value === "number") return formats.money(value);
  if (kind === "minutes" && typeof value === "number") return `${value} min`;
  if (formats && kind === "instant" && typeof value === "string" && !Number.isNaN(Date.parse(value))) return formats.dateTime(value);
  if (formats?.phone && kind === "phone" && typeof value === "string") return formats.phone(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

export function describeChanges(changes: unknown, formats?: ChangeFormats): string[] {
  if (typeof changes !== "object" || changes === null) return [];
  return Object.entries(changes as Record<string, unknown>).map(([field, pair]) => {
    const known = FIELDS[field];
    const label = known?.label ?? field;
    const kind = known?.kind ?? "text";
    return Array.isArray(pair) && pair.length === 2 ? `${label}: ${show(pair[0], kind, formats)} → ${show(pair[1], kind, formats)}` : `${label}: ${show(pair, kind, formats)}`;
  });
}
