import { describe, expect, it } from "vitest";
import { nextBlock, type BlockPosition } from "./grid-keys";

const blocks: BlockPosition[] = [
  { id: "a", column: 0, startMinutes: 540 },
  { id: "b", column: 0, startMinutes: 600 },
  { id: "c", column: 2, startMinutes: 590 },
  { id: "d", column: 2, startMinutes: 720 },
];

describe("arrow keys on the grid", () => {
  it("goes down and up a column in time order, and stays at either end", () => {
    expect(nextBlock(blocks, "a", "ArrowDown")).toBe("b");
    expect(nextBlock(blocks, "b", "ArrowUp")).toBe("a");
    expect(nextBlock(blocks, "b", "ArrowDown")).toBeNull();
    expect(nextBlock(blocks, "a", "ArrowUp")).toBeNull();
  });

  it("goes sideways to the closest appointment in time, skipping empty columns", () => {
    expect(nextBlock(blocks, "b", "ArrowRight")).toBe("c");
    expect(nextBlock(blocks, "d", "ArrowLeft")).toBe("b");
    expect(nextBlock(blocks, "c", "ArrowRight")).toBeNull();
    expect(nextBlock(blocks, "missing", "ArrowRight")).toBeNull();
  });
});
