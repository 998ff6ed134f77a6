// The clinic's API keys (clinic.apiKeys.*, ADR 0028): create one for another program with the
// scopes it needs, copy it (shown once), see when each was last used, revoke it.
import { API_KEY_SCOPE_NAMES, API_KEY_SCOPES, can, type ApiKeyScope } from "@frontdesk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/Field";
import { EmptyNotice, ErrorNotice, SuccessNotice } from "../../ui/Notice";
import { Loading } from "../../ui/Loading";
import { useDateFormat } from "../../lib/useDateFormat";
import { useStaffSession } from "../StaffLayout";
import styles from "./settings.module.css";

/** Staff screens show dates in British English in the clinic's zone, as the patient pages do (PatientPage). */
const STAFF_LOCALE = "en-GB";

export function ApiKeysPage() {
  const trpc = useTRPC();
  const { membership } = useStaffSession();
  const keys = useQuery(trpc.clinic.apiKeys.list.queryOptions());
  const format = useDateFormat(STAFF_LOCALE, membership.timezone);
  const when = (instant: string | null, never: string) => (instant ? format.dateTime(instant) : never);
  return (
    <section aria-labelledby="api-keys-heading">
      <h2 id="api-keys-heading">API keys</h2>
      <p>
        Keys let other software (your website, accounting, scripts) use the <a href="/docs/">REST API</a> for this clinic only, with the scopes you
        choose.
      </p>
      {can(membership.role, "clinic.apiKeys.create") ? <NewKeyForm /> : null}
      {keys.isPending ? (
        <Loading label="Loading the API keys…" />
      ) : keys.isError ? (
        <ErrorNotice title="The API keys could not be loaded" message={describeFailure(keys.error).message} onRetry={() => void keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <EmptyNotice title="No API keys yet" />
      ) : (
        // Focusable: a keyboard can scroll the table sideways on a narrow phone.
        <div className={styles.tableWrap} tabIndex={0} role="region" aria-label="Keys of this clinic">
        <table className={styles.table}>
          <caption>Keys of this clinic</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key</th>
              <th scope="col">Scopes</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {keys.data.map((key) => (
              <tr key={key.id}>
                <th scope="row">{key.name}</th>
                <td>
                  <code>{key.hint}</code>
                </td>
                <td>{key.scopes.join(", ")}</td>
                <td>{when(key.lastUsedAt, "Never")}</td>
                <td>{when(key.expiresAt, "Never")}</td>
                <td>{key.revokedAt ? `Revoked ${when(key.revokedAt, "")}` : <RevokeButton id={key.id} name={key.name} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}

function NewKeyForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["calendar:read"]);
  const create = useMutation(
    trpc.clinic.apiKeys.create.mutationOptions({
      onSuccess: () => {
        setName("");
        void queryClient.invalidateQueries({ queryKey: trpc.clinic.apiKeys.list.queryKey() });
      },
    }),
  );
  const failure = create.isError ? describeFailure(create.error) : null;
  const fieldError = (field: string) => (failure?.kind === "invalid" ? failure.fieldErrors[field]?.[0] : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, scopes });
  }
  const toggle = (scope: ApiKeyScope, on: boolean) => setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-key-heading">
      <h3 id="new-key-heading">New key</h3>
      <TextField label="Name" hint="What uses it, such as “Website booking widget”" value={name} error={fieldError("name")} onChange={(e) => setName(e.target.value)} />
      <fieldset>
        <legend>Scopes</legend>
        {API_KEY_SCOPES.map((scope) => (
          <p key={scope}>
            <label>
              <input type="checkbox" checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} /> {scope}: {API_KEY_SCOPE_NAMES[scope]}
            </label>
          </p>
        ))}
        {fieldError("scopes") ? <p role="alert">{fieldError("scopes")}</p> : null}
      </fieldset>
      {create.isSuccess ? (
        <SuccessNotice title="Key created: copy it now, it will not be shown again">
          <p>
            <code data-testid="new-api-key" className={styles.secret}>{create.data.key}</code>
          </p>
        </SuccessNotice>
      ) : null}
      {failure && failure.kind !== "invalid" ? <ErrorNotice title="The key was not created" message={failure.message} /> : null}
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create key"}
      </Button>
    </form>
  );
}

function RevokeButton({ id, name }: { id: string; name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revoke = useMutation(
    trpc.clinic.apiKeys.revoke.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.clinic.apiKeys.list.queryKey() }) }),
  );
  return (
    <>
      <Button variant="secondary" disabled={revoke.isPending} onClick={() => revoke.mutate({ id })} aria-label={`Revoke ${name}`}>
        Revoke
      </Button>
      {revoke.isError ? <span role="alert">{describeFailure(revoke.error).message}</span> : null}
    </>
  );
}
