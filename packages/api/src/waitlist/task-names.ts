// The waitlist's job names, apart from the tasks so that the appointment events can enqueue them
// without importing the worker's code (events.ts is imported by the tasks' own imports).
export const WAITLIST_FREED_TASK = "waitlist.freed";
export const WAITLIST_OFFER_TASK = "waitlist.offer";
export const WAITLIST_HOURS_TASK = "waitlist.hours";
