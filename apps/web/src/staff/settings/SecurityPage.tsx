// The clinic's account and embedding policy (clinic.security.get / update, ADR 0017): whether its
// staff must use two-step verification, and which sites may show its booking page in a frame.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { TextAreaField } from "../../ui/Field";
import { ErrorNotice, SuccessNotice } from "../../ui/Notice";
import { Loading } from "../../ui/Loading";

export function SecurityPage() {
  const trpc = useTRPC();
  const security = useQuery(trpc.clinic.security.get.queryOptions());
  return (
    <section aria-labelledby="security-heading">
      <h2 id="security-heading">Security</h2>
      {security.isPending ? (
        <Loading label="Loading the clinic's security settings…" />
      ) : security.isError ? (
        <ErrorNotice title="The security settings could not be loaded" message={describeFailure(security.error).message} onRetry={() => void security.refetch()} />
      ) : (
        <SecurityForm requireMfa={security.data.requireMfa} embedOrigins={security.data.embedOrigins} />
      )}
    </section>
  );
}

function SecurityForm(props: { requireMfa: boolean; embedOrigins: string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [requireMfa, setRequireMfa] = useState(props.requireMfa);
  const [origins, setOrigins] = useState(props.embedOrigins.join("\n"));
  const update = useMutation(
    trpc.clinic.security.update.mutationOptions({
      onSuccess: (answer) => {
        queryClient.setQueryData(trpc.clinic.security.get.queryKey(), answer);
        setOrigins(answer.embedOrigins.join("\n"));
      },
    }),
  );
  const failure = update.isError ? describeFailure(update.error) : null;
  const originError = failure?.kind === "invalid" ? Object.entries(failure.fieldErrors).find(([field]) => field.startsWith("embedOrigins"))?.[1][0] : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const embedOrigins = origins
      .split(/[\s,]+/)
      .map((o) => o.trim())
      .filter((o) => o !== "");
    update.mutate({ requireMfa, embedOrigins });
  }

  return (
    <form onSubmit={submit} noValidate>
      <p>
        <label>
          <input type="checkbox" checked={requireMfa} onChange={(e) => setRequireMfa(e.target.checked)} /> Staff must use two-step verification
        </label>
      </p>
      <p>Members without it can only open their account page, where they set it up. Turn it on for your own account first.</p>
      <TextAreaField
        label="Websites that may show your booking page"
        hint="One address per line, such as https://www.your-clinic.com. Leave empty to allow none."
        rows={3}
        value={origins}
        error={originError}
        onChange={(e) => setOrigins(e.target.value)}
      />
      {update.isSuccess ? <SuccessNotice title="Security settings saved" /> : null}
      {failure && !originError ? <ErrorNotice title="The settings were not saved" message={failure.message} /> : null}
      <Button type="submit" disabled={update.isPending}>
        {update.isPending ? "Saving…" : "Save security settings"}
      </Button>
    </form>
  );
}
