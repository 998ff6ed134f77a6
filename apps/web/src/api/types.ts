// Shapes of the public API, taken from the router's type (never copied by hand).
import type { RouterInputs, RouterOutputs } from "@frontdesk/api";

export type PublicClinic = RouterOutputs["public"]["clinic"];
export type Service = PublicClinic["services"][number];
export type Practitioner = PublicClinic["practitioners"][number];
export type SlotsAnswer = RouterOutputs["public"]["slots"];
export type SlotDay = SlotsAnswer["days"][number];
export type Slot = SlotDay["slots"][number];
export type BookAnswer = RouterOutputs["public"]["book"];
export type BookInput = RouterInputs["public"]["book"];
export type ManagedBooking = RouterOutputs["public"]["booking"]["get"];
