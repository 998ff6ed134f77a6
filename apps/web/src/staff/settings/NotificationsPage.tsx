// Reminders and notifications (notifications.settings.*, notifications.preferences.*): when
// patients are reminded and by which channel, quiet hours for text messages, and the member's own
// notice of new online bookings.
import { fieldErrorsOf, firstMessages, notificationSettingsInput } from "@frontdesk/domain";
import type { RouterOutputs } from "@frontdesk/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { SelectField, TextField } from "../../ui/Field";
import { ErrorNotice, SuccessNotice } from "../../ui/Notice";
import { Loading } from "../../ui/Loading";
import styles from "./settings.module.css";

type Settings = RouterOutputs["notifications"]["settings"]["get"];
type Channel = Settings["reminders"][number]["channel"];
interface ReminderDraft {
  hours: string;
  channel: Channel;
}

const CHANNELS: Record<Channel, string> = { email: "E-mail", sms: "SMS", whatsapp: "WhatsApp" };
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const minutesOf = (time: string) => {
  const [h, m] = time.split(":").map(Number);
  return h === undefined || m === undefined || Number.isNaN(h) || Number.isNaN(m) ? -1 : h * 60 + m;
};

export function NotificationsPage() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.notifications.settings.get.queryOptions());
  return (
    <section aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">Reminders and notifications</h2>
      {settings.isPending ? (
        <Loading label="Loading the reminder settings…" />
      ) : settings.isError ? (
        <ErrorNotice title="The reminder settings could not be loaded" message={describeFailure(settings.error).message} onRetry={() => void settings.refetch()} />
      ) : (
        <RemindersForm settings={settings.data} />
      )}
      <OwnPreference />
    </section>
  );
}

function RemindersForm({ settings }: { settings: Settings }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reminders, setReminders] = useState<ReminderDraft[]>(settings.reminders.map((r) => ({ hours: String(r.minutesBefore / 60), channel: r.channel })));
  const [quiet, setQuiet] = useState(settings.quietHours !== null);
  const [quietStart, setQuietStart] = useState(hhmm(settings.quietHours?.start ?? 21 * 60));
  const [quietEnd, setQuietEnd] = useState(hhmm(settings.quietHours?.end ?? 8 * 60));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = useMutation(trpc.notifications.settings.update.mutationOptions({ onSuccess: (answer) => queryClient.setQueryData(trpc.notifications.settings.get.queryKey(), answer) }));
  const failure = update.isError ? describeFailure(update.error) : null;
  const shown = { ...(failure?.kind === "invalid" ? firstMessages(failure.fieldErrors) : {}), ...errors };

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      reminders: reminders.map((r) => ({ minutesBefore: Math.round(Number(r.hours) * 60), channel: r.channel })),
      quietHours: quiet ? { start: minutesOf(quietStart), end: minutesOf(quietEnd) } : null,
    };
    // The server's own rules first, so a mistake is named at its field.
    const parsed = notificationSettingsInput.safeParse(input);
    setErrors(parsed.success ? {} : firstMessages(fieldErrorsOf(parsed.error)));
    if (parsed.success) update.mutate(parsed.data);
  }

  const set = (index: number, patch: Partial<ReminderDraft>) => setReminders(reminders.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  return (
    <form onSubmit={submit} noValidate aria-label="Reminders">
      <h3>Reminders to patients</h3>
      <p className={styles.muted}>
        Sent before each appointment, in the clinic&apos;s time zone; never for a cancelled or past appointment. SMS and WhatsApp go only to patients with a mobile
        number.
      </p>
      <ul className={styles.list} aria-label="Reminder times">
        {reminders.map((r, index) => (
          <li key={index} className={styles.row}>
            <TextField label={`Reminder ${index + 1}: hours before`} type="number" min={0.25} step={0.25} value={r.hours} error={shown[`reminders.${index}.minutesBefore`]} onChange={(e) => set(index, { hours: e.target.value })} />
            <SelectField label={`Reminder ${index + 1}: channel`} value={r.channel} onChange={(e) => set(index, { channel: e.target.value as Channel })}>
              {Object.entries(CHANNELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </SelectField>
            <Button variant="secondary" onClick={() => setReminders(reminders.filter((_, i) => i !== index))} aria-label={`Remove reminder ${index + 1}`}>
              Remove
            </Button>
          </li>
        ))}
      </ul>
      {shown.reminders ? <p className={styles.fieldError}>{shown.reminders}</p> : null}
      <Button variant="secondary" disabled={reminders.length >= 5} onClick={() => setReminders([...reminders, { hours: "24", channel: "email" }])}>
        Add a reminder
      </Button>
      <h3>Quiet hours for text messages</h3>
      <label className={styles.checkbox}>
        <input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.target.checked)} /> No SMS or WhatsApp between
      </label>
      {quiet ? (
        <div className={styles.twoColumns}>
          <TextField label="From" type="time" value={quietStart} error={shown.quietHours} onChange={(e) => setQuietStart(e.target.value)} />
          <TextField label="Until" type="time" value={quietEnd} onChange={(e) => setQuietEnd(e.target.value)} />
        </div>
      ) : null}
      {update.isSuccess ? <SuccessNotice title="Reminder settings saved" /> : null}
      {failure && failure.kind !== "invalid" ? <ErrorNotice title="The settings were not saved" message={failure.message} /> : null}
      <div className={styles.formActions}>
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save reminder settings"}
        </Button>
      </div>
    </form>
  );
}

function OwnPreference() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preferences = useQuery(trpc.notifications.preferences.get.queryOptions());
  const update = useMutation(trpc.notifications.preferences.update.mutationOptions({ onSuccess: (answer) => queryClient.setQueryData(trpc.notifications.preferences.get.queryKey(), answer) }));
  if (!preferences.data) return null;
  return (
    <div>
      <h3>For you</h3>
      <label className={styles.checkbox}>
        <input
          type="checkbox"
          checked={preferences.data.newOnlineBookingEmail}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ newOnlineBookingEmail: e.target.checked })}
        />{" "}
        E-mail me when a patient books online
      </label>
      {update.isError ? <ErrorNotice title="Not saved" message={describeFailure(update.error).message} /> : null}
    </div>
  );
}
