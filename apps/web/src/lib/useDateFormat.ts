import { createDateFormat, type DateFormat } from "@frontdesk/domain";
import { useMemo } from "react";
import { useEnvironment } from "../environment";

/** The clinic's formats, noting the patient's zone when it differs. */
export function useDateFormat(locale: string, timeZone: string): DateFormat {
  const { patientTimeZone } = useEnvironment();
  return useMemo(() => createDateFormat({ locale, timeZone, patientTimeZone }), [locale, timeZone, patientTimeZone]);
}
