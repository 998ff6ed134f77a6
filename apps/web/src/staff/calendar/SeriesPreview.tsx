// A series before it is booked (ADR 0033): every occurrence as the server checked it, the ones
// that clash marked, each with the free times the server proposes that day or "skip it". Booking
// is all or nothing, or only the free ones (and the alternatives picked) when the desk says so.
// The server checks everything again when booking; its refusal is shown here and the list reloads.
import type { DateFormat, SeriesPatternInput } from "@frontdesk/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@frontdesk/api";
import { useState } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useStaffText } from "../../i18n/staff/useStaffText";
import { Button } from "../../ui/Button";
import { ErrorNotice } from "../../ui/Notice";
import uiStyles from "../../ui/ui.module.css";
import styles from "./series.module.css";

export interface SeriesRequest {
  serviceId: string;
  practitionerId: string;
  patientId: string;
  start: string;
  pattern: SeriesPatternInput;
}

export type BookedSeries = RouterOutputs["appointments"]["series"]["book"];
type Occurrence = RouterOutputs["appointments"]["series"]["preview"]["occurrences"][number];

/** Per clashing occurrence: the alternative picked (its position in the list), or skip. */
type Choices = Record<number, number | "skip">;

const STATUS_KEYS = { free: "series.preview.free", taken: "series.preview.taken", unavailable: "series.preview.unavailable" } as const;

export function SeriesPreview({
  request,
  notify,
  format,
  practitionerNames,
  onBack,
  onBooked,
}: {
  request: SeriesRequest;
  notify: boolean;
  format: DateFormat;
  practitionerNames: ReadonlyMap<string, string>;
  onBack: () => void;
  onBooked: (series: BookedSeries) => void;
}) {
  const { t } = useStaffText();
  const trpc = useTRPC();
  const preview = useQuery(trpc.appointments.series.preview.queryOptions(request));
  const book = useMutation(trpc.appointments.series.book.mutationOptions());
  const [choices, setChoices] = useState<Choices>({});
  const [problem, setProblem] = useState<string | null>(null);

  if (preview.isPending) return <p aria-busy="true">{t("series.preview.loading")}</p>;
  if (preview.isError) {
    return (
      <>
        <ErrorNotice title={t("series.preview.failed")} message={describeFailure(preview.error).message} onRetry={() => void preview.refetch()} />
        <div className={uiStyles.actions}>
          <Button variant="secondary" onClick={onBack}>
            {t("series.preview.back")}
          </Button>
        </div>
      </>
    );
  }

  const occurrences = preview.data.occurrences;
  const clashes = occurrences.filter((o) => o.status !== "free");
  const replacementOf = (o: Occurrence) => {
    const choice = choices[o.index];
    return typeof choice === "number" ? o.alternatives[choice] : undefined;
  };
  const replacements = clashes.flatMap((o) => {
    const alternative = replacementOf(o);
    return alternative ? [{ index: o.index, start: alternative.start, practitionerId: alternative.practitionerId }] : [];
  });
  const unresolved = clashes.filter((o) => !replacementOf(o));
  const bookable = occurrences.length - unresolved.length;

  async function submit(mode: "all" | "free") {
    setProblem(null);
    if (mode === "all" && unresolved.length > 0) {
      setProblem(t("series.preview.stillClashing", { list: unresolved.map((o) => o.index + 1).join(", ") }));
      return;
    }
    try {
      onBooked(await book.mutateAsync({ ...request, mode, replacements, notify }));
    } catch (error) {
      // Someone booked one of these times meanwhile: show why and check the series again.
      setProblem(describeFailure(error).message);
      setChoices({});
      void preview.refetch();
    }
  }

  return (
    <section aria-labelledby="series-preview-heading">
      <h3 id="series-preview-heading" className={styles.heading}>
        {t("series.preview.heading")}
      </h3>
      <p role="status">{clashes.length === 0 ? t("series.preview.allFree", { n: occurrences.length }) : t("series.preview.someClash", { n: occurrences.length, clashes: clashes.length })}</p>
      <ol className={styles.occurrences} aria-label={t("series.preview.list")}>
        {occurrences.map((o) => (
          <li key={o.index} data-status={o.status} className={styles.occurrence}>
            <span>
              <strong>{format.dateTime(o.start)}</strong> · {t(STATUS_KEYS[o.status])}
            </span>
            {o.status === "free" ? null : (
              <fieldset className={styles.alternatives}>
                <legend>{t("series.preview.insteadOf", { number: o.index + 1 })}</legend>
                {o.alternatives.length === 0 ? <p>{t("series.preview.noAlternative")}</p> : null}
                {o.alternatives.map((alternative, i) => (
                  <label key={`${alternative.start}-${alternative.practitionerId}`}>
                    <input type="radio" name={`occurrence-${o.index}`} checked={choices[o.index] === i} onChange={() => setChoices({ ...choices, [o.index]: i })} />{" "}
                    {t("series.preview.alternative", { time: format.time(alternative.start), name: practitionerNames.get(alternative.practitionerId) ?? t("series.preview.someone") })}
                  </label>
                ))}
                <label>
                  <input type="radio" name={`occurrence-${o.index}`} checked={(choices[o.index] ?? "skip") === "skip"} onChange={() => setChoices({ ...choices, [o.index]: "skip" })} /> {t("series.preview.skip")}
                </label>
              </fieldset>
            )}
          </li>
        ))}
      </ol>
      {problem ? (
        <p role="alert" className={styles.error}>
          {problem}
        </p>
      ) : null}
      <div className={uiStyles.actions}>
        <Button disabled={book.isPending} onClick={() => void submit("all")}>
          {book.isPending ? t("series.preview.booking") : t("series.preview.bookAll", { n: occurrences.length })}
        </Button>
        {clashes.length > 0 ? (
          <Button variant="secondary" disabled={book.isPending || bookable === 0} onClick={() => void submit("free")}>
            {t("series.preview.bookFree", { n: bookable })}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={onBack}>
          {t("series.preview.back")}
        </Button>
      </div>
    </section>
  );
}
