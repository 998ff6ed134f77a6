// "Book a follow-up in N weeks" from an appointment (ADR 0033): the same patient, service and
// practitioner at the same local time N weeks later. When that time is not free the server says
// so with the free times that day, and one click books one of them instead.
import { followUpInput, type DateFormat } from "@frontdesk/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { Slot } from "../../api/types";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useStaffText } from "../../i18n/staff/useStaffText";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/Field";
import uiStyles from "../../ui/ui.module.css";
import type { CalendarAppointment } from "../types";
import styles from "./series.module.css";

export function FollowUpForm({ appointment, format, onBack, onBooked }: { appointment: CalendarAppointment; format: DateFormat; onBack: () => void; onBooked: (message: string) => void }) {
  const { t } = useStaffText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const followUp = useMutation(trpc.appointments.followUp.mutationOptions());
  const [weeks, setWeeks] = useState("4");
  const [notify, setNotify] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const [refusal, setRefusal] = useState<{ message: string; slots: Slot[] } | null>(null);

  async function book(start?: string) {
    const parsed = followUpInput.shape.weeks.safeParse(/^\s*\d+\s*$/.test(weeks) ? Number(weeks) : Number.NaN);
    setError(parsed.success ? undefined : t("followup.error.weeks"));
    if (!parsed.success) return;
    setRefusal(null);
    try {
      const booked = await followUp.mutateAsync({ id: appointment.id, weeks: parsed.data, notify, ...(start ? { start } : {}) });
      void queryClient.invalidateQueries(trpc.calendar.range.pathFilter());
      onBooked(t("followup.done", { when: format.dateTime(booked.start) }));
    } catch (failed) {
      const failure = describeFailure(failed);
      setRefusal({ message: failure.message, slots: failure.kind === "conflict" ? failure.nextSlots : [] });
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void book();
  };

  return (
    <form onSubmit={submit} noValidate>
      <TextField
        label={t("followup.weeks")}
        hint={t("followup.hint")}
        autoFocus
        type="number"
        min={1}
        max={52}
        inputMode="numeric"
        value={weeks}
        error={error}
        onChange={(event) => setWeeks(event.target.value)}
      />
      <label>
        <input type="checkbox" checked={notify} onChange={(event) => setNotify(event.target.checked)} /> {t("followup.notify")}
      </label>
      {refusal ? (
        <div role="alert">
          <p className={styles.error}>{refusal.message}</p>
          {refusal.slots.length > 0 ? (
            <ul className={styles.slots} aria-label={t("followup.alternatives")}>
              {refusal.slots.map((slot) => (
                <li key={slot.start}>
                  <Button variant="secondary" disabled={followUp.isPending} onClick={() => void book(slot.start)}>
                    {t("followup.bookInstead", { when: format.dateTime(slot.start) })}
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className={uiStyles.actions}>
        <Button type="submit" disabled={followUp.isPending}>
          {followUp.isPending ? t("followup.booking") : t("followup.book")}
        </Button>
        <Button variant="secondary" onClick={onBack}>
          {t("followup.back")}
        </Button>
      </div>
    </form>
  );
}
