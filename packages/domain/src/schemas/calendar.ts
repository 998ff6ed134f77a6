// The reception calendar (calendar.*).
import { z } from "zod";
import { eventId, id, localDate } from "./fields";

export const calendarRangeInput = z.object({ from: localDate, to: localDate, practitionerIds: z.array(id).max(100, "At most 100 practitioners").optional() });

/** A client reconnecting with `lastEventId` first receives every change after it. */
export const calendarChangesInput = z.object({ lastEventId: eventId.optional() }).default({});
