// The booking dialog's "Repeat" section (ADR 0033): every N weeks, or on chosen weekdays, for a
// number of appointments or until a date. The pattern is checked with the schema the server
// validates with (seriesPattern), plus the two rules it checks against the clinic's calendar
// (the end date not before the first, at least one weekday when choosing weekdays).
import { seriesPattern, type DateFormat, type LocalDate, type SeriesPatternInput } from "@frontdesk/domain";
import { useStaffText } from "../../i18n/staff/useStaffText";
import { TextField } from "../../ui/Field";
import styles from "./series.module.css";

export interface RepeatDraft {
  everyWeeks: string;
  /** "weeks": the first date's weekday every N weeks; "weekdays": the chosen ones. */
  by: "weeks" | "weekdays";
  weekdays: number[];
  ends: "count" | "until";
  count: string;
  until: string;
}

export const newRepeatDraft = (): RepeatDraft => ({ everyWeeks: "1", by: "weeks", weekdays: [], ends: "count", count: "8", until: "" });

export interface RepeatErrors {
  /** A series needs a patient on record. */
  patient?: string;
  everyWeeks?: string;
  weekdays?: string;
  count?: string;
  until?: string;
}

type Translate = ReturnType<typeof useStaffText>["t"];

/** The pattern to send, or what is wrong with the draft in words for each field. */
export function repeatPatternOf(draft: RepeatDraft, firstDate: LocalDate, t: Translate): { pattern: SeriesPatternInput; errors?: undefined } | { pattern?: undefined; errors: RepeatErrors } {
  const errors: RepeatErrors = {};
  const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);
  if (draft.by === "weekdays" && draft.weekdays.length === 0) errors.weekdays = t("series.repeat.error.noWeekday");
  if (draft.ends === "until") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.until)) errors.until = t("series.repeat.error.untilMissing");
    else if (draft.until < firstDate) errors.until = t("series.repeat.error.untilBeforeStart");
  }
  const candidate = {
    everyWeeks: whole(draft.everyWeeks),
    ...(draft.by === "weekdays" ? { weekdays: draft.weekdays } : {}),
    ...(draft.ends === "count" ? { count: whole(draft.count) } : { until: draft.until }),
  };
  // The schema decides what is allowed; the words are the catalogue's, one per field.
  const parsed = seriesPattern.safeParse(candidate);
  const fieldErrors: Record<string, string> = { everyWeeks: t("series.repeat.error.everyWeeks"), count: t("series.repeat.error.count"), until: t("series.repeat.error.untilMissing"), weekdays: t("series.repeat.error.noWeekday") };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && field in fieldErrors) errors[field as keyof RepeatErrors] ??= fieldErrors[field];
  }
  return Object.keys(errors).length > 0 || !parsed.success ? { errors } : { pattern: parsed.data };
}

export function SeriesRepeat({
  draft,
  errors,
  format,
  onChange,
}: {
  draft: RepeatDraft;
  errors: RepeatErrors;
  format: DateFormat;
  onChange: (draft: RepeatDraft) => void;
}) {
  const { t } = useStaffText();
  const set = (patch: Partial<RepeatDraft>) => onChange({ ...draft, ...patch });
  // Monday first: the ISO numbers the server takes are 1 (Monday) to 7 (Sunday).
  const weekdayNames = format.weekdays(1);
  return (
    <fieldset className={styles.repeat}>
      <legend>{t("series.repeat.legend")}</legend>
      {errors.patient ? (
        <p role="alert" className={styles.error}>
          {errors.patient}
        </p>
      ) : null}
      <TextField label={t("series.repeat.everyWeeks")} type="number" min={1} max={12} inputMode="numeric" value={draft.everyWeeks} error={errors.everyWeeks} onChange={(event) => set({ everyWeeks: event.target.value })} />
      <fieldset className={styles.choice}>
        <legend>{t("series.repeat.on")}</legend>
        <label>
          <input type="radio" name="repeat-by" checked={draft.by === "weeks"} onChange={() => set({ by: "weeks" })} /> {t("series.repeat.sameWeekday")}
        </label>
        <label>
          <input type="radio" name="repeat-by" checked={draft.by === "weekdays"} onChange={() => set({ by: "weekdays" })} /> {t("series.repeat.chosenWeekdays")}
        </label>
      </fieldset>
      {draft.by === "weekdays" ? (
        <fieldset className={styles.weekdays} aria-describedby={errors.weekdays ? "repeat-weekdays-error" : undefined} aria-invalid={errors.weekdays ? true : undefined}>
          <legend>{t("series.repeat.weekdays")}</legend>
          {weekdayNames.map((name, i) => (
            <label key={name.long}>
              <input
                type="checkbox"
                checked={draft.weekdays.includes(i + 1)}
                onChange={(event) => set({ weekdays: event.target.checked ? [...draft.weekdays, i + 1].sort() : draft.weekdays.filter((d) => d !== i + 1) })}
              />{" "}
              {name.long}
            </label>
          ))}
          {errors.weekdays ? (
            <p id="repeat-weekdays-error" className={styles.error}>
              {errors.weekdays}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <fieldset className={styles.choice}>
        <legend>{t("series.repeat.ends")}</legend>
        <label>
          <input type="radio" name="repeat-ends" checked={draft.ends === "count"} onChange={() => set({ ends: "count" })} /> {t("series.repeat.afterCount")}
        </label>
        <label>
          <input type="radio" name="repeat-ends" checked={draft.ends === "until"} onChange={() => set({ ends: "until" })} /> {t("series.repeat.onDate")}
        </label>
      </fieldset>
      {draft.ends === "count" ? (
        <TextField label={t("series.repeat.count")} type="number" min={1} max={52} inputMode="numeric" value={draft.count} error={errors.count} onChange={(event) => set({ count: event.target.value })} />
      ) : (
        <TextField label={t("series.repeat.until")} type="date" value={draft.until} error={errors.until} onChange={(event) => set({ until: event.target.value })} />
      )}
    </fieldset>
  );
}
