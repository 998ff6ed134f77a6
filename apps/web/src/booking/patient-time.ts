// "05:30 your time" beside a clinic time, and "23:00 your time, the day before" when the patient's
// own calendar is on another day at that instant (a Paris morning is the previous evening in Los
// Angeles): a bare time would let them book the wrong day.
import type { DateFormat } from "@frontdesk/domain";
import type { TFunction } from "i18next";

export function yourTimeText(fmt: DateFormat, t: TFunction, instant: string): string | null {
  const time = fmt.patientTime(instant);
  if (!time) return null;
  const shift = fmt.patientDayShift(instant);
  if (shift > 0) return t("common.yourTimeNextDay", { time });
  if (shift < 0) return t("common.yourTimePreviousDay", { time });
  return t("common.yourTime", { time });
}
