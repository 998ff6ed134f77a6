// The grid itself is CalendarGrid.tsx (day and week views). The status names moved to status.ts;
// this file keeps the old import path working for screens outside the calendar (the patient page).
export { STATUS_NAMES } from "./status";
