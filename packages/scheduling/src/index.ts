// @frontdesk/scheduling: the pure slot-search engine. See docs/decisions/0002-scheduling-engine.md.
export { computeSlots } from "./compute";
export { SchedulingInputError } from "./errors";
export { findFreeTimes, MAX_FREE_TIME_DAYS, type FreeTime, type FreeTimeQuery } from "./free-times";
export type { SlotDay, SlotQuery } from "./types";
export { MAX_QUERY_DAYS } from "./validate";
