// An audit entry's `changes` ({ field: [before, after] }) as short lines a person can scan.
const MAX_VALUE = 80;

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

export function describeChanges(changes: unknown): string[] {
  if (typeof changes !== "object" || changes === null) return [];
  return Object.entries(changes as Record<string, unknown>).map(([field, pair]) =>
    Array.isArray(pair) && pair.length === 2 ? `${field}: ${show(pair[0])} → ${show(pair[1])}` : `${field}: ${show(pair)}`,
  );
}
