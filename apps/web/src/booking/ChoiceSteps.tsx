import type { PublicClinic, Service } from "../api/types";
import { usePatientFormats, usePatientText } from "../i18n/usePatientText";
import { EmptyNotice } from "../ui/Notice";
import { StepHeading } from "../ui/StepHeading";
import styles from "./booking.module.css";
import { PractitionerAbout, ServiceAbout } from "./ClinicBrand";

export function ServiceStep({ clinic, selectedId, onSelect }: { clinic: PublicClinic; selectedId: string | undefined; onSelect: (id: string) => void }) {
  const { t } = usePatientText();
  const { duration, price: formatPrice } = usePatientFormats(clinic);
  return (
    <>
      <StepHeading focusOnMount={selectedId !== undefined}>{t("booking.service.heading")}</StepHeading>
      {clinic.services.length === 0 ? (
        <EmptyNotice title={t("booking.service.none")}>
          <p>{t("booking.service.callClinic", { clinic: clinic.name })}</p>
        </EmptyNotice>
      ) : (
        <ul className={styles.choices}>
          {clinic.services.map((service) => {
            const price = formatPrice(service.priceCents, clinic.currency);
            return (
              <li key={service.id}>
                <button type="button" className={styles.choice} aria-pressed={service.id === selectedId} onClick={() => onSelect(service.id)}>
                  <span className={styles.choiceName}>{service.name}</span>{" "}
                  <span className={styles.choiceMeta}>
                    {duration(service.durationMinutes)}
                    {price ? ` · ${price}` : ""}
                  </span>
                </button>
                <ServiceAbout clinic={clinic} serviceId={service.id} />
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
  const { t } = usePatientText();
  const offering = clinic.practitioners.filter((p) => p.serviceIds.includes(service.id));
  return (
    <>
      <StepHeading>{t("booking.practitioner.heading")}</StepHeading>
      <ul className={styles.choices}>
        <li>
          <button type="button" className={styles.choice} aria-pressed={selectedId === null} onClick={() => onSelect(null)}>
            <span className={styles.choiceName}>{t("common.firstAvailable")}</span>{" "}
            <span className={styles.choiceMeta}>{t("booking.practitioner.anyone", { service: service.name })}</span>
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
            <PractitionerAbout clinic={clinic} practitioner={practitioner} />
          </li>
        ))}
      </ul>
    </>
  );
}
