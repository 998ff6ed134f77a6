// Moving an appointment by dragging its block to another time or column, with a mouse or a pen.
// On a touch screen a swipe over the calendar must scroll it, as everywhere else, so a finger
// only taps a block open; touch and keyboard users move it with the reschedule dialog.
import type { LocalDate } from "@frontdesk/domain";
import { useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import type { CalendarAppointment } from "../types";

/** A place on the grid: a column (practitioner and day) and a time on the clinic's clock. */
export interface GridSlot {
  date: LocalDate;
  minutes: number;
  practitionerId: string;
}

/** Data attributes every empty-time cell carries, so a point on screen can be read back as a slot. */
export const slotAttributes = (slot: GridSlot) => ({
  "data-slot-date": slot.date,
  "data-slot-minutes": slot.minutes,
  "data-slot-practitioner": slot.practitionerId,
});

export function slotOf(element: Element | null): GridSlot | null {
  const cell = element?.closest<HTMLElement>("[data-slot-minutes]");
  if (!cell) return null;
  const { slotDate, slotMinutes, slotPractitioner } = cell.dataset;
  return slotDate && slotMinutes && slotPractitioner ? { date: slotDate, minutes: Number(slotMinutes), practitionerId: slotPractitioner } : null;
}

/** The empty-time cell under a point, looking through the block being dragged. */
function slotAtPoint(x: number, y: number): GridSlot | null {
  // jsdom has no elementsFromPoint; the browser always does.
  const stack = typeof document.elementsFromPoint === "function" ? document.elementsFromPoint(x, y) : [];
  for (const element of stack) {
    const slot = slotOf(element);
    if (slot) return slot;
  }
  return null;
}

/** A pointer that travels less than this is a click (open the appointment), not a drag. */
const DRAG_THRESHOLD_PX = 6;

interface Grab {
  appointment: CalendarAppointment;
  pointerId: number;
  x: number;
  y: number;
  /** Minutes between the block's start and the row it was grabbed by, kept while it moves. */
  offsetMinutes: number;
  dragging: boolean;
}

export interface DragPreview {
  appointment: CalendarAppointment;
  /** Where the block would start if dropped now; null over no column. */
  target: GridSlot | null;
}

export function useBlockDrag({ startMinutesOf, onDrop }: { startMinutesOf: (appointment: CalendarAppointment) => number; onDrop: (appointment: CalendarAppointment, to: GridSlot) => void }) {
  const grab = useRef<Grab | null>(null);
  const justDragged = useRef(false);
  const [preview, setPreview] = useState<DragPreview | null>(null);

  const targetFor = (current: Grab, x: number, y: number): GridSlot | null => {
    const slot = slotAtPoint(x, y);
    return slot ? { ...slot, minutes: Math.max(0, slot.minutes - current.offsetMinutes) } : null;
  };

  const end = () => {
    grab.current = null;
    setPreview(null);
  };

  /** Props for a draggable block's button. */
  const handlers = (appointment: CalendarAppointment) => ({
    onPointerDown: (event: ReactPointerEvent<HTMLElement>) => {
      if (event.button !== 0 || event.pointerType === "touch") return;
      const under = slotAtPoint(event.clientX, event.clientY);
      grab.current = {
        appointment,
        pointerId: event.pointerId,
        x: event.clientX,
        y: event.clientY,
        offsetMinutes: under ? Math.max(0, under.minutes - startMinutesOf(appointment)) : 0,
        dragging: false,
      };
    },
    onPointerMove: (event: ReactPointerEvent<HTMLElement>) => {
      const current = grab.current;
      if (!current || current.pointerId !== event.pointerId) return;
      if (!current.dragging) {
        if (Math.hypot(event.clientX - current.x, event.clientY - current.y) < DRAG_THRESHOLD_PX) return;
        current.dragging = true;
        // Keep receiving the moves when the pointer leaves the block (it will: the block stays put).
        event.currentTarget.setPointerCapture?.(event.pointerId);
      }
      event.preventDefault();
      setPreview({ appointment: current.appointment, target: targetFor(current, event.clientX, event.clientY) });
    },
    onPointerUp: (event: ReactPointerEvent<HTMLElement>) => {
      const current = grab.current;
      if (!current || current.pointerId !== event.pointerId) return;
      end();
      if (!current.dragging) return;
      // The click that follows a drag must not open the appointment.
      justDragged.current = true;
      setTimeout(() => (justDragged.current = false), 0);
      const target = targetFor(current, event.clientX, event.clientY);
      if (target) onDrop(current.appointment, target);
    },
    onPointerCancel: end,
  });

  return { preview, handlers, wasDrag: () => justDragged.current };
}
