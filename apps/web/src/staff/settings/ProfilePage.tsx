// The clinic's profile and booking policy (clinic.settings.get / update), and the way to its public
// booking page. Only the fields that changed are sent, so the audit log shows what was meant.
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { summarizeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { TextAreaField, TextField } from "../../ui/Field";
import { ErrorNotice, SuccessNotice } from "../../ui/Notice";
import { checkProfile, profileDraftOf, type ProfileDraft, type ProfileErrors } from "./profile-draft";
import styles from "./settings.module.css";
import type { ClinicSettings } from "./types";
import { WaitlistOfferSettings } from "./WaitlistOfferSettings";

export function ProfilePage() {
  const trpc = useTRPC();
  const settings = useSuspenseQuery(trpc.clinic.settings.get.queryOptions());
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">Clinic profile and booking policy</h2>
      <p className={styles.bookingLink}>
        Patients book at{" "}
        <a href={`/book/${settings.data.slug}`}>
          {window.location.origin}/book/{settings.data.slug}
        </a>
        .
      </p>
      <ProfileForm settings={settings.data} />
      <WaitlistOfferSettings settings={settings.data} />
    </section>
  );
}

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

function ProfileForm({ settings }: { settings: ClinicSettings }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const zoneId = useId();
  const [draft, setDraft] = useState<ProfileDraft>(() => profileDraftOf(settings));
  const [errors, setErrors] = useState<ProfileErrors>({});
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.clinic.settings.update.mutationOptions({
      onSuccess: async (answer) => {
        queryClient.setQueryData(trpc.clinic.settings.get.queryKey(), answer);
        setDraft(profileDraftOf(answer));
        setSaved(true);
        // The clinic's name and zone also show in the staff bar and every calendar.
        await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
      },
    }),
  );
  const set = (field: keyof ProfileDraft) => (event: { target: { value: string } }) => {
    setDraft({ ...draft, [field]: event.target.value });
    setSaved(false);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkProfile(draft, settings);
    setErrors(checked.errors);
    if (!checked.patch) return;
    // Nothing changed: nothing to send (and no empty entry in the audit log).
    if (Object.keys(checked.patch).length === 0) setSaved(true);
    else update.mutate(checked.patch);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="profile-heading">
      <TextField label="Clinic name" value={draft.name} onChange={set("name")} error={errors.name} maxLength={120} />
      <div className={styles.field}>
        <label htmlFor={zoneId}>Time zone</label>
        <span id={`${zoneId}-hint`} className={styles.muted}>
          Weekly hours stay at the same wall-clock times; booked appointments keep their times.
        </span>
        <select id={zoneId} aria-describedby={`${zoneId}-hint`} className={styles.select} value={draft.timezone} onChange={set("timezone")}>
          {timeZones(settings.timezone).map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.twoColumns}>
        <TextField label="Locale" hint="Language and formats of the booking page and e-mails, such as fr-FR or en-US" value={draft.locale} onChange={set("locale")} error={errors.locale} maxLength={35} />
        <TextField label="Currency" hint="Prices are in this currency, such as EUR or USD" value={draft.currency} onChange={set("currency")} error={errors.currency} maxLength={3} />
        <TextField label="Country" hint="Two letters, such as FR or US: phone numbers without +country are read in it" value={draft.country} onChange={set("country")} error={errors.country} maxLength={2} />
      </div>
      <h3>Booking policy</h3>
      <div className={styles.twoColumns}>
        <TextField label="Minimum notice (minutes)" hint="How long before a time patients can still book it online" inputMode="numeric" value={draft.minNoticeMinutes} onChange={set("minNoticeMinutes")} error={errors.minNoticeMinutes} />
        <TextField label="Booking horizon (days)" hint="How far ahead patients can book" inputMode="numeric" value={draft.horizonDays} onChange={set("horizonDays")} error={errors.horizonDays} />
        <TextField label="Slot step (minutes)" hint="Free times start every so many minutes" inputMode="numeric" value={draft.slotStepMinutes} onChange={set("slotStepMinutes")} error={errors.slotStepMinutes} />
        <TextField label="Cancellation notice (minutes)" hint="Until when patients can move or cancel online" inputMode="numeric" value={draft.cancellationNoticeMinutes} onChange={set("cancellationNoticeMinutes")} error={errors.cancellationNoticeMinutes} />
      </div>
      <h3>Contact</h3>
      <div className={styles.twoColumns}>
        <TextField label="E-mail" type="email" value={draft.email} onChange={set("email")} error={errors.email} maxLength={254} />
        <TextField label="Phone" type="tel" value={draft.phone} onChange={set("phone")} error={errors.phone} maxLength={40} />
      </div>
      <TextAreaField label="Address" value={draft.address} onChange={set("address")} error={errors.address} maxLength={300} />
      <p className={styles.muted}>
        Address on the web: /book/{settings.slug}
      </p>
      {update.isError ? <ErrorNotice title="The settings were not saved" message={summarizeFailure(update.error)} /> : null}
      {saved ? <SuccessNotice title="Clinic settings saved." /> : null}
      <div className={styles.formActions}>
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save clinic settings"}
        </Button>
      </div>
    </form>
  );
}
