// The building blocks of every procedure's input, with the messages a person reads at the field.
// Input hardening lives here and nowhere else: text without control characters or broken UTF-16,
// dates and instants within 1900-2200, integers within what their column holds. A value these
// blocks accept is one PostgreSQL accepts too, so bad input is a field message, never a 500.
import { z } from "zod";
import { PATIENT_LANGUAGES } from "../patient-pages";
import { isKnownTimeZone } from "../time";

/**
 * Control characters other than tab and newline, and UTF-16 halves without their partner.
 * PostgreSQL refuses NUL in text (22021) and lone surrogates in jsonb (the audit log); none of
 * them belongs in a name or a note, and some hide text from the person reading it.
 */
const UNSAFE_TEXT = /(?![\t\n])\p{Cc}|\p{Cs}/u;
export const UNSAFE_TEXT_MESSAGE = "Remove the invisible control characters from this text";
export const isSafeText = (value: string) => !UNSAFE_TEXT.test(value);

/** Free text: trimmed, at most `max` characters; `empty` makes it required (the message when blank). */
export function text(max: number, tooLong: string, empty?: string) {
  const trimmed = z.string().trim();
  return (empty === undefined ? trimmed : trimmed.min(1, empty)).max(max, tooLong).refine(isSafeText, UNSAFE_TEXT_MESSAGE);
}

/** A capability or session token as we issue them: URL-safe characters only. */
export const token = (max: number, message: string) =>
  z
    .string()
    .min(1, message)
    .max(max, message)
    .regex(/^[A-Za-z0-9._~-]+$/, message);

export const id = z.uuid({ error: "Not a valid id" });

export const email = z
  .string()
  .trim()
  .max(254, "E-mail is too long")
  .pipe(z.email({ error: "Enter a valid e-mail address" }))
  .transform((value) => value.toLowerCase());

export const personName = text(120, "Name is too long", "Enter a name");

/** Length only (not trimmed: spaces are part of a password); the policy is the server's `passwordProblem`. */
export const password = z.string().min(1, "Enter a password").max(256, "Password is too long").refine(isSafeText, UNSAFE_TEXT_MESSAGE);

/** A clinic's address on the booking page: `/book/<slug>`. */
export const clinicSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "At least 3 characters")
  .max(63, "At most 63 characters")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Lowercase letters, digits and single hyphens only");

function isTimeZone(zone: string): boolean {
  return isKnownTimeZone(zone) && (zone.includes("/") || zone === "UTC");
}

export const timeZone = z
  .string()
  .trim()
  .max(64, "Unknown time zone (use an IANA name such as Europe/Paris)")
  .refine(isTimeZone, "Unknown time zone (use an IANA name such as Europe/Paris)");

/** The dates and instants anyone means: a year 0000 or 9999 is a typo, and PostgreSQL's range ends earlier than JavaScript's. */
export const EARLIEST_DATE = "1900-01-01";
export const LATEST_DATE = "2200-12-31";
const OUT_OF_RANGE = "Use a date between 1900 and 2200";
const EARLIEST_MS = Date.parse(`${EARLIEST_DATE}T00:00:00Z`);
const AFTER_LATEST_MS = Date.parse(`${LATEST_DATE}T00:00:00Z`) + 24 * 60 * 60_000;

/** Whether "YYYY-MM-DD" names a day that exists (Date.parse would roll 02-30 over into March). */
const isRealDate = (value: string) => {
  const parsed = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().startsWith(value);
};

/** A local calendar date, "YYYY-MM-DD". */
export const localDate = z
  .string()
  .max(10, "Use YYYY-MM-DD")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD")
  .refine(isRealDate, { message: "Not a real date", abort: true })
  .refine((value) => value >= EARLIEST_DATE && value <= LATEST_DATE, OUT_OF_RANGE);

/** An ISO-8601 instant with an explicit offset or Z, normalised to UTC. */
export const instant = z
  .string()
  .max(40, "Use an ISO-8601 instant such as 2026-03-02T09:00:00Z")
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, "Use an ISO-8601 instant such as 2026-03-02T09:00:00Z")
  .refine((value) => isRealDate(value.slice(0, 10)) && Number(value.slice(11, 13)) < 24 && !Number.isNaN(Date.parse(value)), {
    message: "Not a real instant",
    abort: true,
  })
  .refine((value) => Date.parse(value) >= EARLIEST_MS && Date.parse(value) < AFTER_LATEST_MS, OUT_OF_RANGE)
  .transform((value) => new Date(value).toISOString());

/** A wall-clock time of day, "HH:MM"; `empty` is the message when none is given. */
export const wallTime = (empty = "Enter a time") =>
  z
    .string()
    .min(1, { message: empty, abort: true })
    .max(5, "Use HH:MM between 00:00 and 23:59")
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM between 00:00 and 23:59");
/** The end of a wall-clock interval: "24:00" ends it at the next midnight (ADR 0002). */
export const wallTimeEnd = (empty = "Enter a time") =>
  z
    .string()
    .min(1, { message: empty, abort: true })
    .max(5, WALL_TIME_END_FORMAT)
    .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, WALL_TIME_END_FORMAT);
const WALL_TIME_END_FORMAT = "Use HH:MM between 00:01 and 24:00 (24:00 is midnight at the end of the day)";

/** The largest value of a PostgreSQL `integer` column. */
export const INTEGER_MAX = 2_147_483_647;

/** A whole number of minutes from `min` to `max`, worded for the field called `label`. */
export const wholeMinutes = (label: string, min: number, max: number) =>
  z
    .number(`Enter the ${label.toLowerCase()} in minutes`)
    .int(`${label} must be whole minutes`)
    .min(min, min === 0 ? `${label} cannot be negative` : min === 1 ? `${label} must be at least 1 minute` : `${label} is at least ${min}`)
    .max(max, `${label} is at most ${max} minutes`);

/** A row's optimistic-concurrency version, as the client last read it. */
export const version = z.number("Not a version number").int("Not a version number").min(1, "Not a version number").max(INTEGER_MAX, "Not a version number");

/** A page number or size from 1 to `max`. */
export const count = (max: number, tooMany = `At most ${max}`) => z.number().int("Use a whole number").min(1, "At least 1").max(max, tooMany);

/**
 * A `bigint` row id sent as text (an SSE Last-Event-ID): digits, at most what a JavaScript number
 * holds exactly. Larger values would reach PostgreSQL as out of range (22003).
 */
export const eventId = z
  .string()
  .max(20, "Not an event id")
  .regex(/^\d+$/, { message: "Not an event id", abort: true })
  .refine((value) => BigInt(value) <= BigInt(Number.MAX_SAFE_INTEGER), "Not an event id");

/** A cursor into a table keyed by a `bigint` id. */
export const rowCursor = z.number().int("Not a cursor").positive("Not a cursor").max(Number.MAX_SAFE_INTEGER, "Not a cursor");

/** A list that hides inactive rows unless asked. */
export const listInput = z.object({ includeInactive: z.boolean().default(false) }).default({ includeInactive: false });

/** For cross-field rules: run only once every field is valid, so an error names the broken field alone. */
export const onlyWhenValid = (payload: { issues: readonly unknown[] }) => payload.issues.length === 0;

/** An optional form field where "" means "not given". */
export const blankAsUndefined = <T extends z.ZodType>(schema: T) => schema.optional().or(z.literal("").transform(() => undefined));

/**
 * The language of the patient page a request comes from (ADR 0057): the messages that follow
 * (the code, the confirmation, the reminders, the offers) are written in it. Optional: without
 * it they speak the clinic's language.
 */
export const patientLanguageInput = z.enum(PATIENT_LANGUAGES, { error: "Not a language of the patient pages" }).optional();
