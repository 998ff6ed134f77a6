// Arrow keys on the time grid: up and down go to the previous or next appointment in the column,
// left and right to the nearest one (by start time) in the neighbouring column. Pure, over what the
// grid knows about each block, so it is tested without a browser.

export interface BlockPosition {
  id: string;
  column: number;
  startMinutes: number;
}

export type GridKey = "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight";

export function isGridKey(key: string): key is GridKey {
  return key === "ArrowUp" || key === "ArrowDown" || key === "ArrowLeft" || key === "ArrowRight";
}

/** The block the key moves to from `fromId`; null when there is none that way (stay put). */
export function nextBlock(blocks: BlockPosition[], fromId: string, key: GridKey): string | null {
  const from = blocks.find((b) => b.id === fromId);
  if (!from) return null;
  const byTime = (a: BlockPosition, b: BlockPosition) => a.startMinutes - b.startMinutes || a.id.localeCompare(b.id);
  if (key === "ArrowUp" || key === "ArrowDown") {
    const column = blocks.filter((b) => b.column === from.column).sort(byTime);
    const index = column.findIndex((b) => b.id === from.id);
    return column[index + (key === "ArrowDown" ? 1 : -1)]?.id ?? null;
  }
  // The nearest column that way with any appointment, then the block closest in time.
  const step = key === "ArrowRight" ? 1 : -1;
  const columns = [...new Set(blocks.map((b) => b.column))].filter((c) => (c - from.column) * step > 0).sort((a, b) => (a - b) * step);
  const target = columns[0];
  if (target === undefined) return null;
  const candidates = blocks.filter((b) => b.column === target).sort(byTime);
  return candidates.reduce((best, b) => (Math.abs(b.startMinutes - from.startMinutes) < Math.abs(best.startMinutes - from.startMinutes) ? b : best), candidates[0]!).id;
}
