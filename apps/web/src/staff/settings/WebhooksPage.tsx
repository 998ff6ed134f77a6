// Webhook endpoints (clinic.webhooks.*, ADR 0023): where the clinic's events go, their secrets
// (shown once), a test event, rotation, and what was delivered.
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@frontdesk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeFailure, summarizeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { TextField } from "../../ui/Field";
import { EmptyNotice, ErrorNotice, SuccessNotice } from "../../ui/Notice";
import { Loading } from "../../ui/Loading";
import type { WebhookEndpoint } from "./types";
import { WebhookDeliveries } from "./WebhookDeliveries";
import { EVENT_LABELS } from "./webhook-labels";
import styles from "./settings.module.css";

/** A secret on screen once: after a create or a rotation, until the admin leaves the page. */
interface ShownSecret {
  url: string;
  secret: string;
  rotated: boolean;
}

export function WebhooksPage() {
  const trpc = useTRPC();
  const endpoints = useQuery(trpc.clinic.webhooks.list.queryOptions());
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const urls = Object.fromEntries((endpoints.data ?? []).map((e) => [e.id, e.url]));
  return (
    <section aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">Webhooks</h2>
      <p>
        Your other systems can be told when appointments are booked, moved, cancelled or change status, and when patient records are created. Each
        request is signed (Standard Webhooks); the API guide explains how to check it.
      </p>
      {shown ? <SecretNotice shown={shown} onDone={() => setShown(null)} /> : null}
      {endpoints.isPending ? (
        <Loading label="Loading the endpoints…" />
      ) : endpoints.isError ? (
        <ErrorNotice title="The endpoints could not be loaded" message={describeFailure(endpoints.error).message} onRetry={() => void endpoints.refetch()} />
      ) : endpoints.data.length === 0 ? (
        <EmptyNotice title="No endpoints yet">Add one below.</EmptyNotice>
      ) : (
        <ul className={styles.list} aria-label="Endpoints">
          {endpoints.data.map((endpoint) => (
            <EndpointRow key={endpoint.id} endpoint={endpoint} onSecret={setShown} />
          ))}
        </ul>
      )}
      <NewEndpointForm onCreated={setShown} />
      <h3>Recent deliveries</h3>
      <WebhookDeliveries problemsOnly={false} urls={urls} />
    </section>
  );
}

function SecretNotice({ shown, onDone }: { shown: ShownSecret; onDone: () => void }) {
  return (
    <SuccessNotice title={shown.rotated ? "New signing secret" : "Endpoint added"}>
      <p>
        Signing secret for {shown.url}: <code data-testid="webhook-secret">{shown.secret}</code>
      </p>
      <p>Copy it into the receiving system now: it is not shown again.{shown.rotated ? " The previous secret keeps signing for 24 hours." : ""}</p>
      <Button variant="secondary" onClick={onDone}>
        I have copied it
      </Button>
    </SuccessNotice>
  );
}

function useRefreshEndpoints() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.clinic.webhooks.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.clinic.webhooks.deliveries.pathKey() });
  };
}

function EndpointRow({ endpoint, onSecret }: { endpoint: WebhookEndpoint; onSecret: (shown: ShownSecret) => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshEndpoints();
  const [confirming, setConfirming] = useState<"rotate" | "remove" | null>(null);
  const update = useMutation(trpc.clinic.webhooks.update.mutationOptions({ onSuccess: refresh }));
  const test = useMutation(trpc.clinic.webhooks.sendTest.mutationOptions({ onSuccess: refresh }));
  const rotate = useMutation(
    trpc.clinic.webhooks.rotateSecret.mutationOptions({
      onSuccess: (answer) => {
        setConfirming(null);
        onSecret({ url: answer.endpoint.url, secret: answer.secret, rotated: true });
        refresh();
      },
    }),
  );
  const remove = useMutation(trpc.clinic.webhooks.remove.mutationOptions({ onSuccess: refresh }));
  const failure = update.error ?? test.error;
  return (
    <li className={styles.row}>
      <div className={styles.rowMain}>
        <strong>{endpoint.url}</strong>
        {endpoint.description ? <span className={styles.muted}> {endpoint.description}</span> : null}
        <div className={styles.muted}>
          {endpoint.enabled ? "On" : "Off"} · {endpoint.events.map((e) => EVENT_LABELS[e]).join(", ")}
          {endpoint.scopes.includes("patient.contact") ? " · with patient contact details" : ""}
          {endpoint.previousSecretValidUntil ? " · previous secret still signing" : ""}
        </div>
        {test.isSuccess ? <p role="status">Test event queued: see the deliveries below.</p> : null}
        {failure ? <ErrorNotice title="Not done" message={summarizeFailure(failure)} /> : null}
      </div>
      <div className={styles.rowActions}>
        <Button variant="secondary" disabled={test.isPending} onClick={() => test.mutate({ endpointId: endpoint.id })} aria-label={`Send a test event to ${endpoint.url}`}>
          Send test
        </Button>
        <Button variant="secondary" disabled={update.isPending} onClick={() => update.mutate({ endpointId: endpoint.id, enabled: !endpoint.enabled })} aria-label={`${endpoint.enabled ? "Turn off" : "Turn on"} ${endpoint.url}`}>
          {endpoint.enabled ? "Turn off" : "Turn on"}
        </Button>
        <Button variant="secondary" onClick={() => setConfirming("rotate")} aria-label={`Rotate the secret of ${endpoint.url}`}>
          Rotate secret
        </Button>
        <Button variant="danger" onClick={() => setConfirming("remove")} aria-label={`Delete ${endpoint.url}`}>
          Delete
        </Button>
      </div>
      {confirming === "rotate" ? (
        <ConfirmDialog
          title="Rotate the signing secret?"
          message="A new secret signs from now on. The current one keeps signing beside it for 24 hours, so the receiving system can switch without missing an event."
          confirmLabel="Rotate secret"
          action={rotate}
          onConfirm={() => rotate.mutate({ endpointId: endpoint.id, overlapHours: 24 })}
          onClose={() => setConfirming(null)}
        />
      ) : null}
      {confirming === "remove" ? (
        <ConfirmDialog
          title="Delete this endpoint?"
          message={`Nothing more is sent to ${endpoint.url}, and its delivery history is deleted.`}
          confirmLabel="Delete endpoint"
          action={remove}
          onConfirm={() => remove.mutate({ endpointId: endpoint.id })}
          onClose={() => setConfirming(null)}
        />
      ) : null}
    </li>
  );
}

function NewEndpointForm({ onCreated }: { onCreated: (shown: ShownSecret) => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshEndpoints();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>(["appointment.booked", "appointment.rescheduled", "appointment.cancelled"]);
  const [withContact, setWithContact] = useState(false);
  const create = useMutation(
    trpc.clinic.webhooks.create.mutationOptions({
      onSuccess: (answer) => {
        onCreated({ url: answer.endpoint.url, secret: answer.secret, rotated: false });
        setUrl("");
        setDescription("");
        refresh();
      },
    }),
  );
  const failure = create.isError ? describeFailure(create.error) : null;
  const fieldError = (field: string) => (failure?.kind === "invalid" ? failure.fieldErrors[field]?.[0] : undefined);
  const urlError = fieldError("url") ?? (failure?.reason === "WEBHOOK_TARGET_REFUSED" ? failure.message : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ url, description, events, scopes: withContact ? ["patient.contact"] : [] });
  }

  const toggle = (type: WebhookEventType, on: boolean) => setEvents(on ? [...events, type] : events.filter((e) => e !== type));

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-endpoint-heading">
      <h3 id="new-endpoint-heading">Add an endpoint</h3>
      <TextField label="Address" hint="https://… of the system that receives the events" type="url" value={url} error={urlError} onChange={(e) => setUrl(e.target.value)} />
      <TextField label="Description" hint="Optional, for you: what this endpoint is" value={description} maxLength={200} onChange={(e) => setDescription(e.target.value)} />
      <fieldset className={styles.checkboxes}>
        <legend>Events</legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className={styles.checkbox}>
            <input type="checkbox" checked={events.includes(type)} onChange={(e) => toggle(type, e.target.checked)} /> {EVENT_LABELS[type]}
          </label>
        ))}
        {fieldError("events") ? <p className={styles.fieldError}>{fieldError("events")}</p> : null}
      </fieldset>
      <label className={styles.checkbox}>
        <input type="checkbox" checked={withContact} onChange={(e) => setWithContact(e.target.checked)} /> Include the patient&apos;s name, e-mail and phone
      </label>
      <p className={styles.muted}>Without it, events carry ids, times and statuses only.</p>
      {failure && !urlError && !fieldError("events") ? <ErrorNotice title="The endpoint was not added" message={failure.message} /> : null}
      <div className={styles.formActions}>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add endpoint"}
        </Button>
      </div>
    </form>
  );
}
