// Moving or cancelling an appointment of a series asks which ones (ADR 0033): this one, this and
// the following ones, or all the open ones. "This one" is the plain change (undoable from the
// toast like any other); the wider scopes go through appointments.series.move / cancel, which
// check every occurrence first and change all of them or none.
import { SERIES_SCOPES } from "@frontdesk/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useStaffText } from "../../i18n/staff/useStaffText";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import uiStyles from "../../ui/ui.module.css";
import type { CalendarAppointment } from "../types";
import type { AppointmentChanges } from "./appointment-changes";
import styles from "./series.module.css";

export type SeriesScope = (typeof SERIES_SCOPES)[number];

/** A change waiting for its scope. */
export type SeriesChange = { kind: "move"; to: { start: string; practitionerId: string } } | { kind: "cancel"; reason: string };

const SCOPE_KEYS: Record<SeriesScope, string> = { this: "series.scope.this", following: "series.scope.following", all: "series.scope.all" };

export function SeriesScopeDialog({ change, pending, onChoose, onClose }: { change: SeriesChange; pending: boolean; onChoose: (scope: SeriesScope) => void; onClose: () => void }) {
  const { t } = useStaffText();
  const [scope, setScope] = useState<SeriesScope>("this");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChoose(scope);
  };
  return (
    <Dialog title={change.kind === "move" ? t("series.scope.moveTitle") : t("series.scope.cancelTitle")} onClose={onClose}>
      <form onSubmit={submit}>
        <fieldset className={styles.choice} role="radiogroup" aria-label={t("series.scope.legend")}>
          <legend>{t("series.scope.legend")}</legend>
          {SERIES_SCOPES.map((option) => (
            <label key={option}>
              <input type="radio" name="series-scope" value={option} checked={scope === option} onChange={() => setScope(option)} autoFocus={option === "this"} /> {t(SCOPE_KEYS[option])}
            </label>
          ))}
        </fieldset>
        <div className={uiStyles.actions}>
          <Button type="submit" variant={change.kind === "cancel" ? "danger" : "primary"} disabled={pending}>
            {change.kind === "move" ? t("series.scope.move") : t("series.scope.cancel")}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t("series.scope.back")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Applies a change to the scope chosen; answers how many appointments changed, or null when refused (`refusal` says why). */
export function useSeriesChanges(changes: AppointmentChanges) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useStaffText();
  const move = useMutation(trpc.appointments.series.move.mutationOptions());
  const cancel = useMutation(trpc.appointments.series.cancel.mutationOptions());
  const [refusal, setRefusal] = useState<string | null>(null);

  async function apply(appointment: CalendarAppointment, change: SeriesChange, scope: SeriesScope): Promise<number | null> {
    setRefusal(null);
    if (scope === "this") {
      const saved = change.kind === "move" ? await changes.reschedule(appointment, change.to) : await changes.cancel(appointment, change.reason);
      return saved ? 1 : null;
    }
    try {
      const base = { id: appointment.id, version: appointment.version, scope };
      const answer = change.kind === "move" ? await move.mutateAsync({ ...base, ...change.to }) : await cancel.mutateAsync({ ...base, reason: change.reason });
      return answer.appointments.length;
    } catch (error) {
      setRefusal(t("series.scope.refused", { reason: describeFailure(error).message }));
      return null;
    } finally {
      void queryClient.invalidateQueries(trpc.calendar.range.pathFilter());
      void queryClient.invalidateQueries(trpc.appointments.get.pathFilter());
    }
  }

  return { apply, refusal, dismiss: () => setRefusal(null), pending: move.isPending || cancel.isPending || changes.pending };
}
