// Shapes of the staff API, taken from the router's type (never copied by hand).
import type { RouterOutputs } from "@frontdesk/api";

export type Me = NonNullable<RouterOutputs["auth"]["me"]>;
export type Membership = Me["memberships"][number];
export type StaffRole = Membership["role"];
export type CalendarRange = RouterOutputs["calendar"]["range"];
export type CalendarPractitioner = CalendarRange["practitioners"][number];
export type CalendarAppointment = CalendarRange["appointments"][number];
export type AppointmentStatus = CalendarAppointment["status"];
