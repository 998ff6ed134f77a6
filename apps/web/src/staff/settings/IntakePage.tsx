// Intake forms and patient data (ADR 0037, 0038): per service, the questions patients answer when
// they book (each save is a new version; answers keep theirs); the clinic's privacy notice; and,
// for owners, the retention period and the anonymisation of inactive patients.
import { can, INTAKE_QUESTION_KINDS, intakeQuestions, isChoiceKind, type IntakeQuestion, type IntakeQuestionKind } from "@frontdesk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { SelectField, TextAreaField, TextField } from "../../ui/Field";
import { Loading } from "../../ui/Loading";
import { ErrorNotice, SuccessNotice } from "../../ui/Notice";
import { useStaffSession } from "../StaffLayout";

export const KIND_NAMES: Record<IntakeQuestionKind, string> = {
  short_text: "Short text",
  long_text: "Long text",
  single_choice: "One choice",
  multiple_choice: "Several choices",
  yes_no: "Yes or no",
  date: "Date",
};

export function IntakePage() {
  const { membership } = useStaffSession();
  return (
    <section aria-labelledby="intake-heading">
      <h2 id="intake-heading">Intake forms and patient data</h2>
      <IntakeForms />
      <PrivacyNotice />
      {can(membership.role, "retention.set") ? <Retention /> : null}
    </section>
  );
}

function IntakeForms() {
  const trpc = useTRPC();
  const services = useQuery(trpc.services.list.queryOptions({}));
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  if (services.isPending) return <Loading label="Loading the services…" />;
  if (services.isError) return <ErrorNotice title="The services could not be loaded" message={describeFailure(services.error).message} onRetry={() => void services.refetch()} />;
  const serviceId = chosen ?? services.data[0]?.id;
  return (
    <section aria-labelledby="intake-forms-heading">
      <h3 id="intake-forms-heading">Questions before a visit</h3>
      <p>Patients answer them when they book online, or later from the link in their confirmation. Only practitioners, owners and admins read the answers.</p>
      <SelectField label="Service" value={serviceId ?? ""} onChange={(e) => setChosen(e.target.value)}>
        {services.data.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      {serviceId ? <ServiceForm key={serviceId} serviceId={serviceId} /> : <p>Add a service first.</p>}
    </section>
  );
}

let nextKey = 0;
/** A question as it is being edited: choices as typed, one per line. */
interface Draft {
  key: number;
  id: string;
  kind: IntakeQuestionKind;
  label: string;
  help: string;
  required: boolean;
  options: string;
}

const toDraft = (q: IntakeQuestion): Draft => ({ key: nextKey++, id: q.id, kind: q.kind, label: q.label, help: q.help ?? "", required: q.required, options: q.options.join("\n") });
/** A key for a new question that no earlier version used: the answers of old versions keep theirs. */
const freshId = (taken: Set<string>) => {
  for (let n = taken.size + 1; ; n++) if (!taken.has(`q${n}`)) return `q${n}`;
};

function ServiceForm({ serviceId }: { serviceId: string }) {
  const trpc = useTRPC();
  const form = useQuery(trpc.intake.form.queryOptions({ serviceId }));
  if (form.isPending) return <Loading label="Loading the form…" />;
  if (form.isError) return <ErrorNotice title="The form could not be loaded" message={describeFailure(form.error).message} onRetry={() => void form.refetch()} />;
  // Not keyed by version: after a save the editor stays (with its notice) and edits the new version.
  return <QuestionsEditor serviceId={serviceId} version={form.data.form?.version ?? null} questions={form.data.form?.questions ?? []} />;
}

function QuestionsEditor(props: { serviceId: string; version: number | null; questions: IntakeQuestion[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<Draft[]>(() => props.questions.map(toDraft));
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation(
    trpc.intake.saveForm.mutationOptions({
      onSuccess: (answer) => queryClient.setQueryData(trpc.intake.form.queryKey({ serviceId: props.serviceId }), answer),
    }),
  );
  const change = (key: number, patch: Partial<Draft>) => setDrafts((all) => all.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const move = (index: number, by: number) =>
    setDrafts((all) => {
      const next = [...all];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });
  const add = () =>
    setDrafts((all) => [...all, { key: nextKey++, id: freshId(new Set([...all.map((d) => d.id), ...props.questions.map((q) => q.id)])), kind: "short_text", label: "", help: "", required: false, options: "" }]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const questions = drafts.map((d) => ({
      id: d.id,
      kind: d.kind,
      label: d.label,
      help: d.help.trim() === "" ? null : d.help,
      required: d.required,
      options: isChoiceKind(d.kind) ? d.options.split("\n").map((o) => o.trim()).filter((o) => o !== "") : [],
    }));
    // The server's rule, checked here first so the admin sees which question needs a look.
    const checked = intakeQuestions.safeParse(questions);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const index = typeof issue.path[0] === "number" ? issue.path[0] : null;
      setProblem(index === null ? issue.message : `Question ${index + 1}: ${issue.message}`);
      return;
    }
    setProblem(null);
    save.mutate({ serviceId: props.serviceId, basedOnVersion: props.version, questions: checked.data });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Intake questions">
      <p>{props.version === null ? "This service asks no questions yet." : `Version ${props.version}. Saving makes a new version; answers already given keep the questions they answered.`}</p>
      <ol>
        {drafts.map((d, index) => (
          <li key={d.key}>
            <fieldset>
              <legend>Question {index + 1}</legend>
              <TextField label="Question" value={d.label} onChange={(e) => change(d.key, { label: e.target.value })} />
              <SelectField label="Answer" value={d.kind} onChange={(e) => change(d.key, { kind: e.target.value as IntakeQuestionKind })}>
                {INTAKE_QUESTION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {KIND_NAMES[kind]}
                  </option>
                ))}
              </SelectField>
              {isChoiceKind(d.kind) ? <TextAreaField label="Choices" hint="One per line" rows={3} value={d.options} onChange={(e) => change(d.key, { options: e.target.value })} /> : null}
              <TextField label="Help text" hint="Optional, shown under the question" value={d.help} onChange={(e) => change(d.key, { help: e.target.value })} />
              <p>
                <label>
                  <input type="checkbox" checked={d.required} onChange={(e) => change(d.key, { required: e.target.checked })} /> Patients must answer
                </label>
              </p>
              <Button variant="secondary" disabled={index === 0} onClick={() => move(index, -1)}>
                Move up
              </Button>{" "}
              <Button variant="secondary" disabled={index === drafts.length - 1} onClick={() => move(index, 1)}>
                Move down
              </Button>{" "}
              <Button variant="secondary" onClick={() => setDrafts((all) => all.filter((x) => x.key !== d.key))}>
                Remove question {index + 1}
              </Button>
            </fieldset>
          </li>
        ))}
      </ol>
      <Button variant="secondary" onClick={add}>
        Add a question
      </Button>
      {problem ? <ErrorNotice title="The form was not saved" message={problem} /> : null}
      {save.isError ? <ErrorNotice title="The form was not saved" message={describeFailure(save.error).message} /> : null}
      {save.isSuccess ? <SuccessNotice title={`Saved as version ${save.data.form.version}`} /> : null}
      <p>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save the questions"}
        </Button>
      </p>
    </form>
  );
}

function PrivacyNotice() {
  const trpc = useTRPC();
  const notice = useQuery(trpc.intake.privacyNotice.queryOptions());
  if (notice.isPending) return <Loading label="Loading the privacy notice…" />;
  if (notice.isError) return <ErrorNotice title="The privacy notice could not be loaded" message={describeFailure(notice.error).message} onRetry={() => void notice.refetch()} />;
  return <PrivacyNoticeForm url={notice.data.url ?? ""} version={notice.data.version ?? ""} />;
}

function PrivacyNoticeForm(props: { url: string; version: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState(props.url);
  const [version, setVersion] = useState(props.version);
  const save = useMutation(trpc.intake.setPrivacyNotice.mutationOptions({ onSuccess: (answer) => queryClient.setQueryData(trpc.intake.privacyNotice.queryKey(), answer) }));
  const failure = save.isError ? describeFailure(save.error) : null;
  const fieldError = (field: string) => (failure?.kind === "invalid" ? failure.fieldErrors[field]?.[0] : undefined);
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ url: url.trim() === "" ? null : url.trim(), version: version.trim() === "" ? null : version.trim() });
  }
  return (
    <section aria-labelledby="privacy-heading">
      <h3 id="privacy-heading">Privacy notice</h3>
      <p>With a notice set, patients accept it to book online, and each booking records the version and the time. A new version makes the booking page ask again.</p>
      <form onSubmit={submit} noValidate aria-label="Privacy notice">
        <TextField label="Address of the notice" type="url" placeholder="https://www.your-clinic.com/privacy" value={url} error={fieldError("url")} onChange={(e) => setUrl(e.target.value)} />
        <TextField label="Version" hint="How your notice names its edition, such as 2026-01" value={version} error={fieldError("version")} onChange={(e) => setVersion(e.target.value)} />
        {failure && failure.kind !== "invalid" ? <ErrorNotice title="The notice was not saved" message={failure.message} /> : null}
        {save.isSuccess ? <SuccessNotice title="Privacy notice saved" /> : null}
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save the privacy notice"}
        </Button>
      </form>
    </section>
  );
}

function Retention() {
  const trpc = useTRPC();
  const retention = useQuery(trpc.retention.get.queryOptions());
  if (retention.isPending) return <Loading label="Loading the retention settings…" />;
  if (retention.isError) return <ErrorNotice title="The retention settings could not be loaded" message={describeFailure(retention.error).message} onRetry={() => void retention.refetch()} />;
  return <RetentionForm retentionYears={retention.data.retentionYears} anonymiseAfter={retention.data.anonymiseInactiveAfterYears} />;
}

/** Empty is "none"; anything else must be a whole number (NaN would travel as null). */
const yearsOf = (text: string): number | null | "bad" => {
  if (text.trim() === "") return null;
  const years = Number(text);
  return Number.isInteger(years) ? years : "bad";
};

function RetentionForm(props: { retentionYears: number | null; anonymiseAfter: number | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [retention, setRetention] = useState(props.retentionYears?.toString() ?? "");
  const [anonymise, setAnonymise] = useState(props.anonymiseAfter?.toString() ?? "");
  const save = useMutation(trpc.retention.set.mutationOptions({ onSuccess: (answer) => queryClient.setQueryData(trpc.retention.get.queryKey(), answer) }));
  const failure = save.isError ? describeFailure(save.error) : null;
  const [local, setLocal] = useState<Record<string, string>>({});
  const fieldError = (field: string) => local[field] ?? (failure?.kind === "invalid" ? failure.fieldErrors[field]?.[0] : undefined);
  function submit(event: FormEvent) {
    event.preventDefault();
    const retentionYears = yearsOf(retention);
    const anonymiseInactiveAfterYears = yearsOf(anonymise);
    const problems: Record<string, string> = {};
    if (retentionYears === "bad") problems.retentionYears = "Enter whole years, or leave it empty";
    if (anonymiseInactiveAfterYears === "bad") problems.anonymiseInactiveAfterYears = "Enter whole years, or leave it empty";
    setLocal(problems);
    if (retentionYears === "bad" || anonymiseInactiveAfterYears === "bad") return;
    save.mutate({ retentionYears, anonymiseInactiveAfterYears });
  }
  return (
    <section aria-labelledby="retention-heading">
      <h3 id="retention-heading">Keeping and erasing records</h3>
      <form onSubmit={submit} noValidate aria-label="Retention">
        <TextField
          label="Legal retention period (years after the last appointment)"
          hint="Erasing a patient is refused until it has passed. Leave empty for none."
          inputMode="numeric"
          value={retention}
          error={fieldError("retentionYears")}
          onChange={(e) => setRetention(e.target.value)}
        />
        <TextField
          label="Anonymise patients without an appointment for (years)"
          hint="Checked every night. Leave empty to keep records until someone erases them."
          inputMode="numeric"
          value={anonymise}
          error={fieldError("anonymiseInactiveAfterYears")}
          onChange={(e) => setAnonymise(e.target.value)}
        />
        {failure && failure.kind !== "invalid" ? <ErrorNotice title="The settings were not saved" message={failure.message} /> : null}
        {save.isSuccess ? <SuccessNotice title="Retention settings saved" /> : null}
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save the retention settings"}
        </Button>
      </form>
    </section>
  );
}
