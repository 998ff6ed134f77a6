// How the clinic offers a freed time to its waitlist (ADR 0035): to one patient after another, or
// to everyone who wants it at once, and how long each offer stays open. Its own small form on the
// profile page (for those who may change the settings), checked with the server's schema, sending only what changed (so the audit is exact).
import { WAITLIST_OFFER_MODES, waitlistOfferValues, type WaitlistOfferMode } from "@frontdesk/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { summarizeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useStaffText } from "../../i18n/staff/useStaffText";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/Field";
import { ErrorNotice, SuccessNotice } from "../../ui/Notice";
import styles from "./settings.module.css";
import type { ClinicSettings, ClinicSettingsPatch } from "./types";

// The catalogue test reads the keys from the code, so each is written out.
const MODE_LABELS = { in_order: "settings.waitlist.mode.in_order", all_at_once: "settings.waitlist.mode.all_at_once" } as const satisfies Record<WaitlistOfferMode, string>;

export function WaitlistOfferSettings({ settings }: { settings: ClinicSettings }) {
  const { t } = useStaffText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState(settings.waitlistOfferMode);
  const [minutes, setMinutes] = useState(String(settings.waitlistOfferMinutes));
  const [minutesError, setMinutesError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.clinic.settings.update.mutationOptions({
      onSuccess: (answer) => {
        queryClient.setQueryData(trpc.clinic.settings.get.queryKey(), answer);
        setSaved(true);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const typed = /^\d+$/.test(minutes.trim()) ? Number(minutes.trim()) : Number.NaN;
    const parsed = waitlistOfferValues.safeParse({ waitlistOfferMode: mode, waitlistOfferMinutes: typed });
    if (!parsed.success) {
      setMinutesError(t("settings.waitlist.minutesError"));
      return;
    }
    setMinutesError(undefined);
    const patch: ClinicSettingsPatch = {};
    if (parsed.data.waitlistOfferMode !== settings.waitlistOfferMode) patch.waitlistOfferMode = parsed.data.waitlistOfferMode;
    if (parsed.data.waitlistOfferMinutes !== settings.waitlistOfferMinutes) patch.waitlistOfferMinutes = parsed.data.waitlistOfferMinutes;
    if (Object.keys(patch).length === 0) setSaved(true);
    else update.mutate(patch);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="waitlist-offers-heading">
      <h3 id="waitlist-offers-heading">{t("settings.waitlist.title")}</h3>
      <p className={styles.muted}>{t("settings.waitlist.hint")}</p>
      <fieldset className={styles.checkboxes}>
        <legend>{t("settings.waitlist.mode")}</legend>
        {WAITLIST_OFFER_MODES.map((value) => (
          <label key={value} className={styles.checkbox}>
            <input
              type="radio"
              name="waitlistOfferMode"
              value={value}
              checked={mode === value}
              onChange={() => {
                setMode(value);
                setSaved(false);
              }}
            />
            {t(MODE_LABELS[value])}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t("settings.waitlist.minutes")}
        hint={t("settings.waitlist.minutesHint")}
        inputMode="numeric"
        value={minutes}
        onChange={(event) => {
          setMinutes(event.target.value);
          setSaved(false);
        }}
        error={minutesError}
      />
      {update.isError ? <ErrorNotice title={t("settings.waitlist.failed")} message={summarizeFailure(update.error)} /> : null}
      {saved ? <SuccessNotice title={t("settings.waitlist.saved")} /> : null}
      <div className={styles.formActions}>
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? t("settings.waitlist.saving") : t("settings.waitlist.save")}
        </Button>
      </div>
    </form>
  );
}
