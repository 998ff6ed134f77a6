// The clinic's services: what patients book, how long it takes, the free time kept around it,
// its price, and whether it is offered online.
import { formatDuration, formatPrice } from "@frontdesk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { describeFailure, summarizeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { EmptyNotice, ErrorNotice, SuccessNotice } from "../../ui/Notice";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Loading } from "../../ui/Loading";
import { ServiceForm, type ServiceValues } from "./ServiceForm";
import styles from "./settings.module.css";
import type { SettingsService } from "./types";

const STAFF_LOCALE = "en-GB";
const NEW_SERVICE: ServiceValues = { name: "", durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, priceCents: null, bookableOnline: true, active: true };

type Open = { kind: "add" } | { kind: "edit"; service: SettingsService } | { kind: "remove"; service: SettingsService } | null;

export function ServicesPage() {
  const trpc = useTRPC();
  const services = useQuery(trpc.services.list.queryOptions({ includeInactive: true }));
  const settings = useQuery(trpc.clinic.settings.get.queryOptions());
  const [open, setOpen] = useState<Open>(null);
  // The removed row took the focused button with it: land on the heading, and say what happened.
  const [removed, setRemoved] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (removed) headingRef.current?.focus();
  }, [removed]);
  const currency = settings.data?.currency ?? "EUR";

  return (
    <section aria-labelledby="services-heading">
      <h2 id="services-heading" ref={headingRef} tabIndex={-1}>
        Services
      </h2>
      {removed ? <SuccessNotice title={`${removed} was removed.`} /> : null}
      <div className={styles.toolbar}>
        <Button onClick={() => setOpen({ kind: "add" })}>Add service</Button>
      </div>
      {services.isPending ? (
        <Loading label="Loading the services…" />
      ) : services.isError ? (
        <ErrorNotice title="The services could not be loaded" message={describeFailure(services.error).message} onRetry={() => void services.refetch()} />
      ) : services.data.length === 0 ? (
        <EmptyNotice title="No services yet">
          <p>Add what patients can book, such as a consultation.</p>
        </EmptyNotice>
      ) : (
        <ul className={styles.list} aria-labelledby="services-heading">
          {services.data.map((service) => (
            <li key={service.id} className={styles.row}>
              <div>
                <strong>{service.name}</strong>
                {service.active ? null : <span className={styles.muted}> (inactive)</span>}
                <div className={styles.muted}>{describeService(service, currency)}</div>
              </div>
              <div className={styles.rowActions}>
                <Button variant="secondary" onClick={() => setOpen({ kind: "edit", service })} aria-label={`Edit ${service.name}`}>
                  Edit
                </Button>
                <Button variant="secondary" onClick={() => setOpen({ kind: "remove", service })} aria-label={`Remove ${service.name}`}>
                  Remove
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {open?.kind === "add" ? <SaveService currency={currency} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "edit" ? <SaveService service={open.service} currency={currency} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "remove" ? (
        <RemoveService
          service={open.service}
          onClose={() => setOpen(null)}
          onRemoved={() => {
            setOpen(null);
            setRemoved(open.service.name);
          }}
        />
      ) : null}
    </section>
  );
}

function describeService(service: SettingsService, currency: string): string {
  const parts = [formatDuration(service.durationMinutes)];
  if (service.bufferBeforeMinutes || service.bufferAfterMinutes) parts.push(`buffers ${service.bufferBeforeMinutes} min before, ${service.bufferAfterMinutes} min after`);
  parts.push(formatPrice(service.priceCents, currency, STAFF_LOCALE) ?? "price on request");
  parts.push(service.bookableOnline ? "bookable online" : "staff booking only");
  return parts.join(" · ");
}

function useRefreshServices() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries(trpc.services.list.pathFilter()), queryClient.invalidateQueries(trpc.practitioners.list.pathFilter())]);
}

/** Adds a service, or edits `service` sending only the fields that changed (the audit log shows intent). */
function SaveService({ service, currency, onClose }: { service?: SettingsService; currency: string; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshServices();
  const done = async () => {
    await refresh();
    onClose();
  };
  const create = useMutation(trpc.services.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.services.update.mutationOptions({ onSuccess: done }));
  const failed = create.error ?? update.error;

  function save(values: ServiceValues) {
    if (!service) {
      const { active: _active, ...fields } = values;
      create.mutate(fields);
      return;
    }
    const patch = Object.fromEntries(Object.entries(values).filter(([field, value]) => service[field as keyof ServiceValues] !== value));
    if (Object.keys(patch).length === 0) onClose();
    else update.mutate({ serviceId: service.id, ...patch });
  }

  return (
    <Dialog title={service ? `Edit ${service.name}` : "Add service"} onClose={onClose} size="wide">
      <ServiceForm
        initial={service ?? NEW_SERVICE}
        currency={currency}
        editing={Boolean(service)}
        pending={create.isPending || update.isPending}
        error={failed ? summarizeFailure(failed) : null}
        submitLabel={service ? "Save changes" : "Add service"}
        onSubmit={save}
        onCancel={onClose}
      />
    </Dialog>
  );
}

function RemoveService({ service, onClose, onRemoved }: { service: SettingsService; onClose: () => void; onRemoved: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshServices();
  const remove = useMutation(
    trpc.services.remove.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onRemoved();
      },
    }),
  );
  return (
    <ConfirmDialog
      title={`Remove ${service.name}?`}
      message="Only a service that was never booked can be removed. One with bookings on record can be deactivated instead (Edit)."
      confirmLabel="Remove"
      action={remove}
      onConfirm={() => remove.mutate({ serviceId: service.id })}
      onClose={onClose}
    />
  );
}
