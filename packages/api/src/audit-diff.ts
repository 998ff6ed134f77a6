/**
 * The fields of `patch` whose value differs from `before`, as { field: [old, new] } for the audit
 * log. Dates are compared and recorded as ISO strings.
 */
export function changedFields<T extends Record<string, unknown>>(before: T, patch: Partial<T>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [field, next] of Object.entries(patch)) {
    if (next === undefined) continue;
    const old = plain(before[field]);
    const now = plain(next);
    if (JSON.stringify(old) !== JSON.stringify(now)) changes[field] = [old, now];
  }
  return changes;
}

function plain(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}
