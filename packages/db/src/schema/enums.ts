import { pgEnum } from "drizzle-orm/pg-core";

export const membershipRole = pgEnum("membership_role", ["owner", "admin", "receptionist", "practitioner"]);
export type MembershipRole = (typeof membershipRole.enumValues)[number];

/** booked -> confirmed -> arrived -> completed; cancelled and no_show are end states. */
export const appointmentStatus = pgEnum("appointment_status", [
  "booked",
  "confirmed",
  "arrived",
  "completed",
  "cancelled",
  "no_show",
]);
export type AppointmentStatus = (typeof appointmentStatus.enumValues)[number];

export const appointmentSource = pgEnum("appointment_source", ["online", "staff"]);
export const scheduleExceptionKind = pgEnum("schedule_exception_kind", ["unavailable", "available"]);
