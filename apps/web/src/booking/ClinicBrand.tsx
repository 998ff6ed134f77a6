// The clinic's brand on the patient pages (ADR 0049): its accent colour, logo, description, a map
// of its address, service descriptions and practitioners' photos and bios. Small on purpose: the
// booking page's script budget is nearly spent. Images load lazily, sized, with alt text.
import { useEffect } from "react";
import type { PublicClinic } from "../api/types";
import { usePatientText } from "../i18n/usePatientText";
import styles from "./brand.module.css";

type Brand = PublicClinic["brand"];

/** The accent as a custom property on the page's root (brand.module.css applies it to the light theme). */
export function useBrandAccent(brand: Brand) {
  const colour = brand.accentColour;
  useEffect(() => {
    if (!colour) return;
    const root = document.documentElement;
    root.style.setProperty("--brand-accent", colour);
    root.dataset.brandAccent = "";
    return () => {
      root.style.removeProperty("--brand-accent");
      delete root.dataset.brandAccent;
    };
  }, [colour]);
}

export function BrandLogo({ clinic }: { clinic: PublicClinic }) {
  const { t } = usePatientText();
  const logo = clinic.brand.logo;
  if (!logo) return null;
  return <img className={styles.logo} src={logo.url} width={logo.width} height={logo.height} alt={t("brand.logoAlt", { clinic: clinic.name })} />;
}

/** The description, and the address on OpenStreetMap (the server builds the link: packages/domain mapLinkFor). */
export function ClinicAbout({ clinic }: { clinic: PublicClinic }) {
  const { t } = usePatientText();
  const { description, mapUrl } = clinic.brand;
  return (
    <>
      {description ? <p className={styles.about}>{description}</p> : null}
      {mapUrl ? (
        <p className={styles.meta}>
          <a href={mapUrl} target="_blank" rel="noreferrer">
            {t("brand.map")}
          </a>
        </p>
      ) : null}
    </>
  );
}

export function ServiceAbout({ clinic, serviceId }: { clinic: PublicClinic; serviceId: string }) {
  const description = clinic.brand.services[serviceId]?.description;
  return description ? <p className={styles.about}>{description}</p> : null;
}

export function PractitionerAbout({ clinic, practitioner }: { clinic: PublicClinic; practitioner: { id: string; displayName: string } }) {
  const { t } = usePatientText();
  const profile = clinic.brand.practitioners[practitioner.id];
  if (!profile?.photo && !profile?.bio) return null;
  return (
    <div className={styles.person}>
      {profile.photo ? (
        <img className={styles.photo} src={profile.photo.url} width={profile.photo.width} height={profile.photo.height} loading="lazy" alt={t("brand.photoAlt", { name: practitioner.displayName })} />
      ) : null}
      {profile.bio ? <p className={styles.about}>{profile.bio}</p> : null}
    </div>
  );
}
