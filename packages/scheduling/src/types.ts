// The engine's public input and output shapes (issue #3). Add fields only if optional.

export interface SlotQuery {
  /** IANA zone of the clinic, e.g. "Europe/Paris". */
  timezone: string;
  /** First local date, "YYYY-MM-DD" (inclusive). */
  from: string;
  /** Last local date, inclusive; at most 62 days after `from`. */
  to: string;
  /** ISO-8601 instant, e.g. "2026-03-02T08:15:00Z". The engine never reads the clock itself. */
  now: string;
  service: { durationMinutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number };
  rules: { slotStepMinutes: number; minNoticeMinutes: number; horizonDays: number };
  practitioners: Array<{
    id: string;
    /** Wall-clock working hours; weekday is ISO (1 = Monday .. 7 = Sunday), times are "HH:MM". */
    weeklyHours: Array<{ weekday: number; start: string; end: string }>;
    /** Instants. "available" adds time to the weekly hours, "unavailable" removes it (and wins). */
    exceptions: Array<{ kind: "unavailable" | "available"; start: string; end: string }>;
    /** Instants, already including existing appointments' buffers. */
    busy: Array<{ start: string; end: string }>;
  }>;
  /**
   * Optional: only slots whose local start time lies in this range, minutes after midnight
   * (`from` inclusive, `to` exclusive, at most 1440). The grid is unchanged (still anchored on each
   * interval's start): the engine only skips building the starts outside it.
   */
  startMinutes?: { from: number; to: number };
}

export interface SlotDay {
  /** Local date in the clinic's zone, "YYYY-MM-DD". */
  date: string;
  /** Instants in UTC ("...Z"), sorted by start; ids in the order the practitioners were given. */
  slots: Array<{ start: string; end: string; practitionerIds: string[] }>;
}
