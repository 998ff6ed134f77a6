// Shapes of the public API, taken from the router's type (never copied by hand).
import type { RouterInputs, RouterOutputs } from "@frontdesk/api";

export type PublicClinic = RouterOutputs["public"]["clinic"];
export type Service = PublicClinic["services"][number];
export type Practitioner = PublicClinic["practitioners"][number];
export type SlotsAnswer = RouterOutputs["public"]["slots"];
/**
 * A bookable time as the screens carry it. public.slots sends each day's start instants and one
 * duration (small over a phone connection); SlotPicker pairs them up. CONFLICT answers send these.
 */
export interface Slot {
  start: string;
  end: string;
}
export type BookAnswer = RouterOutputs["public"]["book"];
export type BookInput = RouterInputs["public"]["book"];
export type ManagedBooking = RouterOutputs["public"]["booking"]["get"];
