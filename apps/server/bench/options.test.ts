import { describe, expect, it } from "vitest";
import { BenchOptionError, choiceOption, flagOption, integerListOption, integerOption, textOption } from "./options";

const refused = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(BenchOptionError);
    return (error as Error).message;
  }
  throw new Error("accepted");
};

describe("integerOption", () => {
  it("reads a whole number, and the fallback when unset or empty", () => {
    expect(integerOption("BENCH_N", 7, {}, { BENCH_N: "12" })).toBe(12);
    expect(integerOption("BENCH_N", 7, {}, { BENCH_N: " 12 " })).toBe(12);
    expect(integerOption("BENCH_N", 7, {}, {})).toBe(7);
    expect(integerOption("BENCH_N", 7, {}, { BENCH_N: "" })).toBe(7);
    expect(integerOption("BENCH_N", 7, { min: 0 }, { BENCH_N: "0" })).toBe(0);
    expect(integerOption("BENCH_N", 7, { max: 64 }, { BENCH_N: "64" })).toBe(64);
  });

  it.each(["abc", "1o", "1.5", "1e3", "0x10", "10 users", "-", "9007199254740993"])("refuses %j, naming the variable and the value", (value) => {
    const message = refused(() => integerOption("BENCH_N", 7, {}, { BENCH_N: value }));
    expect(message).toContain("BENCH_N must be a whole number >= 1");
    expect(message).toContain(JSON.stringify(value));
  });

  it("refuses values outside its bounds", () => {
    expect(refused(() => integerOption("BENCH_N", 7, {}, { BENCH_N: "0" }))).toBe('BENCH_N must be a whole number >= 1, got "0"');
    expect(refused(() => integerOption("BENCH_N", 7, {}, { BENCH_N: "-3" }))).toBe('BENCH_N must be a whole number >= 1, got "-3"');
    expect(refused(() => integerOption("BENCH_N", 7, { max: 64 }, { BENCH_N: "65" }))).toBe('BENCH_N must be a whole number from 1 to 64, got "65"');
  });
});

describe("integerListOption", () => {
  it("reads a comma-separated list in its order, and the fallback when unset", () => {
    expect(integerListOption("BENCH_L", [1, 2], {}, { BENCH_L: "2,1" })).toEqual([2, 1]);
    expect(integerListOption("BENCH_L", [1, 2], {}, { BENCH_L: "1, 4" })).toEqual([1, 4]);
    expect(integerListOption("BENCH_L", [1, 2], {}, { BENCH_L: "3" })).toEqual([3]);
    expect(integerListOption("BENCH_L", [1, 2], {}, {})).toEqual([1, 2]);
  });

  it("returns a copy of the fallback, not the fallback itself", () => {
    const fallback = [1, 2];
    const read = integerListOption("BENCH_L", fallback, {}, {});
    read.push(3);
    expect(fallback).toEqual([1, 2]);
  });

  it.each(["1,,2", "1,", "one,two", "1;2", "0,1", "1,65", "1,1"])("refuses %j", (value) => {
    const message = refused(() => integerListOption("BENCH_L", [1, 2], { max: 64 }, { BENCH_L: value }));
    expect(message).toMatch(/^BENCH_L must be a comma-separated list of whole numbers from 1 to 64/);
  });

  it("says a repeat is the problem", () => {
    expect(refused(() => integerListOption("BENCH_L", [1], {}, { BENCH_L: "2,2" }))).toBe('BENCH_L must be a comma-separated list of whole numbers >= 1, each once, got "2,2"');
  });
});

describe("flagOption", () => {
  it("is on for 1 only, off when unset, empty or 0", () => {
    expect(flagOption("BENCH_F", { BENCH_F: "1" })).toBe(true);
    expect(flagOption("BENCH_F", { BENCH_F: "0" })).toBe(false);
    expect(flagOption("BENCH_F", { BENCH_F: "" })).toBe(false);
    expect(flagOption("BENCH_F", {})).toBe(false);
  });

  it.each(["yes", "true", "false", "on", "2"])("refuses %j instead of guessing", (value) => {
    expect(refused(() => flagOption("BENCH_F", { BENCH_F: value }))).toBe(`BENCH_F must be 1 (on) or 0 (off), got ${JSON.stringify(value)}`);
  });
});

describe("choiceOption", () => {
  it("reads one of its choices, undefined when unset", () => {
    expect(choiceOption("BENCH_C", ["slots", "book"], { BENCH_C: "book" })).toBe("book");
    expect(choiceOption("BENCH_C", ["slots", "book"], {})).toBeUndefined();
  });

  it.each(["booking", "Book", "slots,book"])("refuses %j, listing the choices", (value) => {
    expect(refused(() => choiceOption("BENCH_C", ["slots", "book"], { BENCH_C: value }))).toBe(`BENCH_C must be one of slots, book, got ${JSON.stringify(value)}`);
  });
});

describe("textOption", () => {
  it("reads text, undefined when unset or blank", () => {
    expect(textOption("BENCH_T", { BENCH_T: "/work/tmp/data" })).toBe("/work/tmp/data");
    expect(textOption("BENCH_T", { BENCH_T: "  " })).toBeUndefined();
    expect(textOption("BENCH_T", {})).toBeUndefined();
  });
});
