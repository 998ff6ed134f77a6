// Every change a receptionist makes to an existing appointment, applied to the calendar at once
// (the phone is ringing; nobody waits for a round trip) and put back as it was, with a message,
// when the server refuses: a colleague changed it first (stale version), or the new time is taken.
import { STATUS_NAMES, type SettableStatus } from "@frontdesk/domain";
import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useState } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import type { CalendarAppointment, CalendarRange } from "../types";

type Snapshot = Array<[QueryKey, CalendarRange | undefined]>;
type SavedAppointment = Pick<CalendarAppointment, "id" | "start" | "end" | "status" | "practitionerId" | "version">;

export interface AppointmentChanges {
  setStatus: (appointment: CalendarAppointment, status: SettableStatus) => Promise<boolean>;
  cancel: (appointment: CalendarAppointment, reason: string) => Promise<boolean>;
  reschedule: (appointment: CalendarAppointment, to: { start: string; practitionerId: string }) => Promise<boolean>;
  /** The last change saved, for the undo toast (ADR 0034); null when there is nothing to undo. */
  lastChange: UndoableChange | null;
  forgetLastChange: () => void;
  /** Why the last change was undone, in words; null when nothing was refused. */
  refusal: string | null;
  dismissRefusal: () => void;
  pending: boolean;
}

export interface UndoableChange {
  /** Unique per change, so the toast restarts its countdown for a new one. */
  key: number;
  /** "Moved Jean Dupont." */
  message: string;
  /** Applies the inverse change through the normal procedures, with the version the change answered. */
  undo: () => Promise<boolean>;
}

let changeCount = 0;

export function useAppointmentChanges(): AppointmentChanges {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [lastChange, setLastChange] = useState<UndoableChange | null>(null);
  const ranges = trpc.calendar.range.pathFilter();

  const patchRanges = (id: string, patch: Partial<CalendarAppointment>) =>
    queryClient.setQueriesData<CalendarRange>(ranges, (range) =>
      range ? { ...range, appointments: range.appointments.map((a) => (a.id === id ? { ...a, ...patch } : a)) } : range,
    );

  const setStatus = useMutation(trpc.appointments.setStatus.mutationOptions());
  const cancel = useMutation(trpc.appointments.cancel.mutationOptions());
  const reschedule = useMutation(trpc.appointments.reschedule.mutationOptions());
  const revert = useMutation(trpc.appointments.revertStatus.mutationOptions());

  /** Draws the change at once, sends it, and undoes it with a message if the server refuses; answers whether it was saved. */
  async function run(
    id: string,
    patch: Partial<CalendarAppointment>,
    send: () => Promise<SavedAppointment>,
    undoable?: { message: string; inverse: (saved: SavedAppointment) => { patch: Partial<CalendarAppointment>; send: () => Promise<SavedAppointment> } },
  ): Promise<boolean> {
    setRefusal(null);
    setLastChange(null);
    // A read in flight would land on top of the optimistic picture with the old one.
    await queryClient.cancelQueries(ranges);
    const snapshot: Snapshot = queryClient.getQueriesData<CalendarRange>(ranges);
    patchRanges(id, patch);
    try {
      const saved = await send();
      // The new version, so the next change is not refused as stale.
      patchRanges(saved.id, { start: saved.start, end: saved.end, status: saved.status, practitionerId: saved.practitionerId, version: saved.version });
      if (undoable) {
        const inverse = undoable.inverse(saved);
        // An undo is itself a change (refused like any other, e.g. when the time was taken meanwhile), and not undoable again.
        setLastChange({ key: ++changeCount, message: undoable.message, undo: () => run(id, inverse.patch, inverse.send) });
      }
      return true;
    } catch (error) {
      for (const [key, data] of snapshot) queryClient.setQueryData(key, data);
      const reason = describeFailure(error).message.replace(/([^.!?])$/, "$1.");
      setRefusal(`The change was not saved: ${reason} The calendar shows the appointment as it was.`);
      return false;
    } finally {
      void queryClient.invalidateQueries(ranges);
      void queryClient.invalidateQueries(trpc.appointments.get.queryFilter({ id }));
    }
  }

  /** Back to the status the appointment had before, with the version the change answered. */
  const statusBack = (appointment: CalendarAppointment) => (saved: SavedAppointment) => {
    const previous = appointment.status as "booked" | "confirmed" | "arrived";
    return { patch: { status: previous }, send: () => revert.mutateAsync({ id: appointment.id, version: saved.version, status: previous }) };
  };

  return {
    setStatus: (appointment, status) =>
      run(appointment.id, { status }, () => setStatus.mutateAsync({ id: appointment.id, version: appointment.version, status }), {
        message: `Marked ${appointment.patientName} ${STATUS_NAMES[status].toLowerCase()}.`,
        inverse: statusBack(appointment),
      }),
    cancel: (appointment, reason) =>
      run(appointment.id, { status: "cancelled" }, () => cancel.mutateAsync({ id: appointment.id, version: appointment.version, reason }), {
        message: `Cancelled ${appointment.patientName}'s appointment.`,
        inverse: statusBack(appointment),
      }),
    reschedule: (appointment, to) => {
      const length = Date.parse(appointment.end) - Date.parse(appointment.start);
      const end = new Date(Date.parse(to.start) + length).toISOString();
      return run(
        appointment.id,
        { start: to.start, end, practitionerId: to.practitionerId },
        () => reschedule.mutateAsync({ id: appointment.id, version: appointment.version, start: to.start, practitionerId: to.practitionerId }),
        {
          message: `Moved ${appointment.patientName}.`,
          inverse: (saved) => ({
            patch: { start: appointment.start, end: appointment.end, practitionerId: appointment.practitionerId },
            send: () => reschedule.mutateAsync({ id: appointment.id, version: saved.version, start: appointment.start, practitionerId: appointment.practitionerId }),
          }),
        },
      );
    },
    lastChange,
    forgetLastChange: () => setLastChange(null),
    refusal,
    dismissRefusal: () => setRefusal(null),
    pending: setStatus.isPending || cancel.isPending || reschedule.isPending || revert.isPending,
  };
}
