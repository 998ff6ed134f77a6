/** "1 appointment", "3 appointments": a count with the word that goes with it. */
export function countOf(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
