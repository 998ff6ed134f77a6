// The clinic's wording of its messages to patients (clinic.templates.*, ADR 0024): plain text with
// {{variables}} from each message's own list, checked with the server's schema before saving,
// previewed with sample values, and back to the default in one click.
import { fieldErrorsOf, firstMessages, TEMPLATE_VARIABLE_HINTS, templateTextInput, type TemplateChannel, type TemplateKind } from "@frontdesk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorNotice, SuccessNotice } from "../../ui/Notice";
import { Loading } from "../../ui/Loading";
import type { MessageTemplateEntry } from "./types";
import styles from "./settings.module.css";

const KIND_LABELS: Record<TemplateKind, string> = {
  confirmation: "Booking confirmation",
  rescheduled: "Change notice (moved)",
  cancelled: "Cancellation notice",
  reminder: "Reminder",
};
const CHANNEL_LABELS: Record<TemplateChannel, string> = { email: "e-mail", sms: "text message (SMS, WhatsApp)" };

const keyOf = (t: { kind: string; channel: string }) => `${t.kind}/${t.channel}`;

export function TemplatesPage() {
  const trpc = useTRPC();
  const templates = useQuery(trpc.clinic.templates.list.queryOptions());
  const [selected, setSelected] = useState("confirmation/email");
  return (
    <section aria-labelledby="templates-heading">
      <h2 id="templates-heading">Message templates</h2>
      {templates.isPending ? (
        <Loading label="Loading the templates…" />
      ) : templates.isError ? (
        <ErrorNotice title="The templates could not be loaded" message={describeFailure(templates.error).message} onRetry={() => void templates.refetch()} />
      ) : (
        <>
          <SelectField label="Message" value={selected} onChange={(e) => setSelected(e.target.value)}>
            {templates.data.map((t) => (
              <option key={keyOf(t)} value={keyOf(t)}>
                {KIND_LABELS[t.kind]}, {CHANNEL_LABELS[t.channel]}
                {t.custom ? " (your wording)" : ""}
              </option>
            ))}
          </SelectField>
          {templates.data
            .filter((t) => keyOf(t) === selected)
            .map((t) => (
              <TemplateEditor key={keyOf(t)} template={t} />
            ))}
        </>
      )}
    </section>
  );
}

function TemplateEditor({ template }: { template: MessageTemplateEntry }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [subject, setSubject] = useState(template.subject);
  const [text, setText] = useState(template.text);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.clinic.templates.list.queryKey() });
  const save = useMutation(trpc.clinic.templates.save.mutationOptions({ onSuccess: () => { reset.reset(); refresh(); } }));
  const reset = useMutation(
    trpc.clinic.templates.reset.mutationOptions({
      onSuccess: (answer) => {
        setSubject(answer.subject);
        setText(answer.text);
        setLocalErrors({});
        save.reset();
        refresh();
      },
    }),
  );
  const preview = useMutation(trpc.clinic.templates.preview.mutationOptions());
  const failure = save.error ?? preview.error;
  const described = failure ? describeFailure(failure) : null;
  const serverErrors = described?.kind === "invalid" ? firstMessages(described.fieldErrors) : {};
  const errors = { ...serverErrors, ...localErrors };
  const isEmail = template.channel === "email";
  const values = { kind: template.kind, channel: template.channel, subject: isEmail ? subject : "", text };

  /** The server's own rules, checked here first: an unknown variable is named before anything is sent. */
  function checked(): typeof values | null {
    const result = templateTextInput.safeParse(values);
    setLocalErrors(result.success ? {} : firstMessages(fieldErrorsOf(result.error)));
    return result.success ? values : null;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const valid = checked();
    if (valid) save.mutate(valid);
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Edit the template">
      <div className={styles.twoColumns}>
        <div>
          {isEmail ? <TextField label="Subject" value={subject} maxLength={200} error={errors.subject} onChange={(e) => setSubject(e.target.value)} /> : null}
          <TextAreaField label="Text" rows={isEmail ? 12 : 4} value={text} error={errors.text} onChange={(e) => setText(e.target.value)} />
          <p className={styles.muted}>{template.custom ? "Your clinic's wording." : "The built-in wording."} Plain text only: no HTML.</p>
        </div>
        <div>
          <h3>Variables</h3>
          <p className={styles.muted}>Write them with double braces; they are filled in for each patient.</p>
          <ul aria-label="Variables you can use">
            {template.variables.map((name) => (
              <li key={name}>
                <code>{`{{${name}}}`}</code>: {TEMPLATE_VARIABLE_HINTS[name]}
              </li>
            ))}
          </ul>
        </div>
      </div>
      {save.isSuccess && !save.isPending ? <SuccessNotice title="Template saved" /> : null}
      {reset.isSuccess ? <SuccessNotice title="Back to the built-in wording" /> : null}
      {described && described.kind !== "invalid" ? <ErrorNotice title="Not done" message={described.message} /> : null}
      <div className={styles.formActions}>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save template"}
        </Button>
        <Button
          variant="secondary"
          disabled={preview.isPending}
          onClick={() => {
            const valid = checked();
            if (valid) preview.mutate(valid);
          }}
        >
          Preview
        </Button>
        {template.custom ? (
          <Button variant="secondary" disabled={reset.isPending} onClick={() => reset.mutate({ kind: template.kind, channel: template.channel })}>
            Reset to default
          </Button>
        ) : null}
      </div>
      {preview.data ? (
        <section aria-label="Preview" className={styles.preview}>
          <h3>Preview with sample values</h3>
          {isEmail ? (
            <p>
              <strong>Subject:</strong> {preview.data.subject}
            </p>
          ) : null}
          <pre className={styles.previewText}>{preview.data.text}</pre>
        </section>
      ) : null}
    </form>
  );
}
