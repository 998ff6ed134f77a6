/**
 * Thrown for any query the engine cannot answer meaningfully. `field` is the path of the
 * offending input (e.g. "practitioners[0].weeklyHours[2].weekday") so the API can point at it.
 */
export class SchedulingInputError extends Error {
  override readonly name = "SchedulingInputError";
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`${field} ${problem}`);
    this.field = field;
  }
}
