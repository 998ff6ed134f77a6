// The clinic's account policy (clinic.security.get / update, ADR 0017): whether its staff must use
// two-step verification. The sites that may frame the booking page are on EmbedPage.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
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
        <SecurityForm requireMfa={security.data.requireMfa} />
      )}
    </section>
  );
}

function SecurityForm(props: { requireMfa: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [requireMfa, setRequireMfa] = useState(props.requireMfa);
  const update = useMutation(
    trpc.clinic.security.update.mutationOptions({
      onSuccess: (answer) => queryClient.setQueryData(trpc.clinic.security.get.queryKey(), answer),
    }),
  );
  const failure = update.isError ? describeFailure(update.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ requireMfa });
  }

  return (
    <form onSubmit={submit} noValidate>
      <p>
        <label>
          <input type="checkbox" checked={requireMfa} onChange={(e) => setRequireMfa(e.target.checked)} /> Staff must use two-step verification
        </label>
      </p>
      <p>Members without it can only open their account page, where they set it up. Turn it on for your own account first.</p>
      {update.isSuccess ? <SuccessNotice title="Security settings saved" /> : null}
      {failure ? <ErrorNotice title="The settings were not saved" message={failure.message} /> : null}
      <Button type="submit" disabled={update.isPending}>
        {update.isPending ? "Saving…" : "Save security settings"}
      </Button>
    </form>
  );
}
