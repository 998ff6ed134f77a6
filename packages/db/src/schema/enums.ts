import { APPOINTMENT_STATUSES, SCHEDULE_EXCEPTION_KINDS, STAFF_ROLES } from "@frontdesk/domain";
import { pgEnum } from "drizzle-orm/pg-core";

// These lists are the domain's (@frontdesk/domain): the database keeps the values the rules name.
export const membershipRole = pgEnum("membership_role", STAFF_ROLES);
export type MembershipRole = (typeof membershipRole.enumValues)[number];

/** booked -> confirmed -> arrived -> completed; cancelled and no_show are end states. */
export const appointmentStatus = pgEnum("appointment_status", APPOINTMENT_STATUSES);
export type AppointmentStatus = (typeof appointmentStatus.enumValues)[number];

export const appointmentSource = pgEnum("appointment_source", ["online", "staff"]);
export const scheduleExceptionKind = pgEnum("schedule_exception_kind", SCHEDULE_EXCEPTION_KINDS);
