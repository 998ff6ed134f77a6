// Half-open intervals [start, end) of epoch milliseconds, and the set operations availability
// needs. Every function takes and returns plain arrays; "normalized" means sorted by start,
// non-empty, and neither overlapping nor touching.

export interface Interval {
  start: number;
  end: number;
}

/** Union of any intervals, as a normalized list. Empty or inverted intervals are dropped. */
export function normalizeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((interval) => interval.end > interval.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    // Touching intervals merge too: availability is a set of instants, not a list of shifts.
    if (last !== undefined && interval.start <= last.end) {
      if (interval.end > last.end) last.end = interval.end;
    } else {
      merged.push({ start: interval.start, end: interval.end });
    }
  }
  return merged;
}

/** `kept` minus `removed`; both normalized, and so is the result. */
export function subtractIntervals(kept: readonly Interval[], removed: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let r = 0;
  for (const interval of kept) {
    let start = interval.start;
    while (r < removed.length && (removed[r]?.end ?? Infinity) <= start) r++;
    for (let i = r; i < removed.length; i++) {
      const hole = removed[i];
      if (hole === undefined || hole.start >= interval.end) break;
      if (hole.start > start) result.push({ start, end: hole.start });
      if (hole.end > start) start = hole.end;
    }
    if (start < interval.end) result.push({ start, end: interval.end });
  }
  return result;
}

/** Normalized `intervals` cut to [from, to). */
export function clipIntervals(intervals: readonly Interval[], from: number, to: number): Interval[] {
  const result: Interval[] = [];
  for (const interval of intervals) {
    const start = Math.max(interval.start, from);
    const end = Math.min(interval.end, to);
    if (end > start) result.push({ start, end });
  }
  return result;
}
