/* eslint-disable no-restricted-properties -- the benches' options are their environment: read in this one place */
// The benches' options (BENCH_* environment variables), parsed in one place. A bad value stops the
// bench before it starts anything, naming the variable, what it accepts and what it got: a typo in
// a number used to become NaN (`Number("1o")`), which ran a reading of nothing or looped forever,
// and `BENCH_STATEMENTS=0` used to switch the statements on.

/** The environment the options are read from (`process.env` unless a test passes its own). */
export type Environment = Readonly<Record<string, string | undefined>>;

/** A bench option with a value it cannot use. */
export class BenchOptionError extends Error {
  override name = "BenchOptionError";
}

/** The variable's value, or undefined when it is unset or empty (`BENCH_X= pnpm bench` is unset). */
function raw(name: string, env: Environment): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

const refuse = (name: string, accepts: string, value: string) => new BenchOptionError(`${name} must be ${accepts}, got ${JSON.stringify(value)}`);

interface Bounds {
  /** Smallest accepted value (default 1: a count, a duration). */
  min?: number;
  max?: number;
}

const describeBounds = ({ min = 1, max }: Bounds) => (max === undefined ? `a whole number >= ${min}` : `a whole number from ${min} to ${max}`);

function parseInteger(name: string, text: string, bounds: Bounds, accepts = describeBounds(bounds)): number {
  const { min = 1, max = Number.MAX_SAFE_INTEGER } = bounds;
  // Digits only: Number() would take "1e3", "0x10" and " ", parseInt() would take "10 users".
  if (!/^-?\d+$/.test(text)) throw refuse(name, accepts, text);
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) throw refuse(name, accepts, text);
  return value;
}

/** A whole number (a count, seconds), `fallback` when unset. */
export function integerOption(name: string, fallback: number, bounds: Bounds = {}, env: Environment = process.env): number {
  const text = raw(name, env);
  return text === undefined ? fallback : parseInteger(name, text, bounds);
}

/** A comma-separated list of whole numbers ("1,2"), `fallback` when unset; at least one, no repeats. */
export function integerListOption(name: string, fallback: readonly number[], bounds: Bounds = {}, env: Environment = process.env): number[] {
  const text = raw(name, env);
  if (text === undefined) return [...fallback];
  const accepts = `a comma-separated list of ${describeBounds(bounds).replace("a whole number", "whole numbers")}`;
  const values = text.split(",").map((part) => parseInteger(name, part.trim(), bounds, accepts));
  if (new Set(values).size !== values.length) throw refuse(name, `${accepts}, each once`, text);
  return values;
}

/** On or off: unset, empty or "0" is off, "1" is on; anything else is refused (is "yes" on, is "false" off?). */
export function flagOption(name: string, env: Environment = process.env): boolean {
  const text = raw(name, env);
  if (text === undefined || text === "0") return false;
  if (text === "1") return true;
  throw refuse(name, `1 (on) or 0 (off)`, text);
}

/** One of `choices`, or undefined when unset. */
export function choiceOption<const T extends string>(name: string, choices: readonly T[], env: Environment = process.env): T | undefined {
  const text = raw(name, env);
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) throw refuse(name, `one of ${choices.join(", ")}`, text);
  return text as T;
}

/** Free text (a folder), or undefined when unset. */
export function textOption(name: string, env: Environment = process.env): string | undefined {
  return raw(name, env);
}
