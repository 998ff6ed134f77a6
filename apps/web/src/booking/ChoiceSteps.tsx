import { formatDuration, formatPrice } from "@frontdesk/domain";
import type { PublicClinic, Service } from "../api/types";
import { EmptyNotice } from "../ui/Notice";
import { StepHeading } from "../ui/StepHeading";
import styles from "./booking.module.css";

export function ServiceStep({ clinic, selectedId, onSelect }: { clinic: PublicClinic; selectedId: string | undefined; onSelect: (id: string) => void }) {
  return (
    <>
      <StepHeading focusOnMount={selectedId !== undefined}>Choose a service</StepHeading>
      {clinic.services.length === 0 ? (
        <EmptyNotice title="No services can be booked online yet">
          <p>Please call {clinic.name} to make an appointment.</p>
        </EmptyNotice>
      ) : (
        <ul className={styles.choices}>
          {clinic.services.map((service) => {
            const price = formatPrice(service.priceCents, clinic.currency, clinic.locale);
            return (
              <li key={service.id}>
                <button type="button" className={styles.choice} aria-pressed={service.id === selectedId} onClick={() => onSelect(service.id)}>
                  <span className={styles.choiceName}>{service.name}</span>{" "}
                  <span className={styles.choiceMeta}>
                    {formatDuration(service.durationMinutes)}
                    {price ? ` · ${price}` : ""}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

export function PractitionerStep({
  clinic,
  service,
  selectedId,
  onSelect,
}: {
  clinic: PublicClinic;
  service: Service;
  selectedId: string | null | undefined;
  onSelect: (id: string | null) => void;
}) {
  const offering = clinic.practitioners.filter((p) => p.serviceIds.includes(service.id));
  return (
    <>
      <StepHeading>Choose a practitioner</StepHeading>
      <ul className={styles.choices}>
        <li>
          <button type="button" className={styles.choice} aria-pressed={selectedId === null} onClick={() => onSelect(null)}>
            <span className={styles.choiceName}>First available</span>{" "}
            <span className={styles.choiceMeta}>Anyone who offers {service.name}: the most free times</span>
          </button>
        </li>
        {offering.map((practitioner) => (
          <li key={practitioner.id}>
            <button type="button" className={styles.choice} aria-pressed={selectedId === practitioner.id} onClick={() => onSelect(practitioner.id)}>
              <span className={styles.choiceName}>
                <span className={styles.swatch} style={{ background: practitioner.colour }} aria-hidden="true" />
                {practitioner.displayName}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
