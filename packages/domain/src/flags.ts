// Per-clinic feature flags (ADR 0039): a small set defined here, in code, with a default each.
// A clinic's row keeps only the overrides, in two places: what its owner chose, and what the
// platform operator set (`pnpm flags`). The operator's word wins, so the operator can switch a
// clinic off (SMS abuse, a bad rollout) whatever its owner chose; an owner may set only the flags
// marked "owner". Unknown names and ill-typed values in storage are ignored (a flag removed from
// code leaves its old override behind harmlessly), so reading flags never fails.
import { z } from "zod";

/** Who may override a flag: the clinic's owner (and the operator), or the platform operator only. */
export type FlagSetter = "owner" | "operator";

interface FlagDefinition<T> {
  schema: z.ZodType<T>;
  default: T;
  setBy: FlagSetter;
  /** For the settings screen and the CLI. */
  label: string;
  description: string;
}

const booleanFlag = (definition: Omit<FlagDefinition<boolean>, "schema">): FlagDefinition<boolean> => ({ schema: z.boolean(), ...definition });

export const FLAGS = {
  onlineBooking: booleanFlag({
    default: true,
    setBy: "owner",
    label: "Online booking",
    description: "Patients can book on the clinic's public page. Off: the page says booking is closed and bookings are refused.",
  }),
  waitlist: booleanFlag({
    default: true,
    setBy: "owner",
    label: "Waitlist",
    description: "Patients can join a waitlist when no time suits them, and are offered times that free up.",
  }),
  sms: booleanFlag({
    default: true,
    setBy: "owner",
    label: "Text messages",
    description: "Reminders and confirmations also go out by SMS where a patient has a phone number. Off: SMS deliveries are skipped.",
  }),
  // A rollout flag: calendar feeds are opened clinic by clinic by the operator.
  calendarFeeds: booleanFlag({
    default: false,
    setBy: "operator",
    label: "Calendar feeds (rollout)",
    description: "Practitioners and admins can subscribe to the calendar from Google, Apple or Outlook calendar.",
  }),
} as const satisfies Record<string, FlagDefinition<boolean>>;

export type FlagName = keyof typeof FLAGS;
export const FLAG_NAMES = Object.keys(FLAGS) as FlagName[];
export type ClinicFlags = { [K in FlagName]: (typeof FLAGS)[K]["default"] };

export const isFlagName = (value: unknown): value is FlagName => typeof value === "string" && Object.hasOwn(FLAGS, value);

/** Whether `setter` may override `name` (the operator may override every flag). */
export const maySetFlag = (setter: FlagSetter, name: FlagName) => setter === "operator" || FLAGS[name].setBy === "owner";

/** The overrides as stored: flag name to value; anything else is ignored when read. */
export type FlagOverrides = Partial<Record<FlagName, unknown>>;

/** The value `overrides` gives `name` if it gives a valid one. */
function overrideOf(overrides: unknown, name: FlagName): { value: boolean } | undefined {
  if (typeof overrides !== "object" || overrides === null || !Object.hasOwn(overrides, name)) return undefined;
  const parsed = FLAGS[name].schema.safeParse((overrides as Record<string, unknown>)[name]);
  return parsed.success ? { value: parsed.data } : undefined;
}

/** Where a flag's value comes from, for the settings screen. */
export type FlagSource = "default" | "owner" | "operator";

export interface ResolvedFlag {
  name: FlagName;
  value: boolean;
  source: FlagSource;
}

/** One flag's value: the operator's override, else the owner's (for owner flags), else the default. */
export function resolveFlag(name: FlagName, stored: { ownerFlags: unknown; operatorFlags: unknown }): ResolvedFlag {
  const operator = overrideOf(stored.operatorFlags, name);
  if (operator) return { name, value: operator.value, source: "operator" };
  const owner = FLAGS[name].setBy === "owner" ? overrideOf(stored.ownerFlags, name) : undefined;
  if (owner) return { name, value: owner.value, source: "owner" };
  return { name, value: FLAGS[name].default, source: "default" };
}

/** Every flag's value for a clinic, from its row's two override columns. */
export function clinicFlags(stored: { ownerFlags: unknown; operatorFlags: unknown }): ClinicFlags {
  return Object.fromEntries(FLAG_NAMES.map((name) => [name, resolveFlag(name, stored).value])) as ClinicFlags;
}

// ---- Wire shapes ----

export const flagView = z
  .object({
    name: z.string(),
    label: z.string(),
    description: z.string(),
    value: z.boolean(),
    default: z.boolean(),
    source: z.enum(["default", "owner", "operator"]),
    setBy: z.enum(["owner", "operator"]),
  })
  .meta({ id: "Flag" });

export const flagsView = z.object({ flags: z.array(flagView) }).meta({ id: "Flags" });

/** clinic.flags.set: an owner's choice for one owner flag; `null` goes back to the default. */
export const setFlagInput = z.strictObject({
  name: z.enum(FLAG_NAMES as [FlagName, ...FlagName[]]),
  value: z.boolean().nullable(),
});
