import { wallClockOf, type LocalDate } from "@frontdesk/domain";
import { useEffect, useState } from "react";
import { useEnvironment } from "../../environment";

export interface ClinicNow {
  instant: Date;
  /** Today and the time of day on the clinic's clock. */
  date: LocalDate;
  minutes: number;
}

/** The clinic's current date and time, from the environment's clock, re-read at each new minute. */
export function useClinicNow(timeZone: string): ClinicNow {
  const { now } = useEnvironment();
  const [instant, setInstant] = useState(() => now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      const current = now();
      // Wake just after the next minute starts, so the line moves when the clock does.
      timer = setTimeout(
        () => {
          setInstant(now());
          schedule();
        },
        60_000 - (current.getTime() % 60_000) + 50,
      );
    };
    schedule();
    return () => clearTimeout(timer);
  }, [now]);
  const wall = wallClockOf(instant, timeZone);
  return { instant, date: wall.date, minutes: wall.minutes };
}
