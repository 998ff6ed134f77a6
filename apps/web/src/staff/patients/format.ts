// Patient-specific wording; dates go through the shared formats (@frontdesk/domain).

export function countOf(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
