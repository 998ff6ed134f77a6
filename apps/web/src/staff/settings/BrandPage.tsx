// The clinic's brand on its booking page (clinic.brand.*, ADR 0049): logo, accent colour,
// description, the address's map link, practitioners' photos and bios, service descriptions.
// The form checks what it can before sending (size, type, contrast) with the domain's rules; the
// server checks again, by the bytes.
import { accentContrastProblem, BRAND_TEXT_LIMITS, formatByteLimit, IMAGE_LIMITS, IMAGE_TYPES, isHexColour, type ImagePurpose } from "@frontdesk/domain";
import type { RouterOutputs } from "@frontdesk/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useStaffText } from "../../i18n/staff/useStaffText";
import { Button } from "../../ui/Button";
import { TextAreaField, TextField } from "../../ui/Field";
import { Loading } from "../../ui/Loading";
import { ErrorNotice, SuccessNotice } from "../../ui/Notice";
import styles from "./settings.module.css";

type Brand = RouterOutputs["clinic"]["brand"]["get"];
type Image = NonNullable<Brand["logo"]>;

export function BrandPage() {
  const trpc = useTRPC();
  const { t } = useStaffText();
  const brand = useQuery(trpc.clinic.brand.get.queryOptions());
  return (
    <section aria-labelledby="brand-heading">
      <h2 id="brand-heading">{t("brand.heading")}</h2>
      <p>{t("brand.intro")}</p>
      {brand.isPending ? (
        <Loading label={t("brand.loading")} />
      ) : brand.isError ? (
        <ErrorNotice title={t("brand.loadFailed")} message={describeFailure(brand.error).message} onRetry={() => void brand.refetch()} />
      ) : (
        <>
          <LogoField logo={brand.data.logo} />
          <LooksForm brand={brand.data} />
          <AddressPreview address={brand.data.address} mapUrl={brand.data.mapUrl} />
          <h3>{t("brand.practitioners.heading")}</h3>
          {brand.data.practitioners.map((p) => (
            <PractitionerProfile key={p.id} practitioner={p} />
          ))}
          <h3>{t("brand.services.heading")}</h3>
          {brand.data.services.map((s) => (
            <ServiceDescription key={s.id} service={s} />
          ))}
        </>
      )}
    </section>
  );
}

/** After a change, the answer is the whole brand again: put it where the page reads it. */
function useBrandAnswer() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (answer: Brand) => queryClient.setQueryData(trpc.clinic.brand.get.queryKey(), answer);
}

const ACCEPT = Object.keys(IMAGE_TYPES).join(",");

/** The file as base64, without the data: URL's prefix. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result.replace(/^data:[^,]*,/, "") : "");
    reader.onerror = () => reject(reader.error ?? new Error("unreadable"));
    reader.readAsDataURL(file);
  });
}

/** Chooses, checks and uploads one image; `publish` makes it the logo or the photo. */
function ImagePicker(props: { purpose: ImagePurpose; practitionerId?: string; label: string; current: Image | null; alt: string; publish: (imageId: string | null) => Promise<unknown> }) {
  const trpc = useTRPC();
  const { t } = useStaffText();
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const upload = useMutation(trpc.clinic.brand.uploadImage.mutationOptions());
  const limits = IMAGE_LIMITS[props.purpose];
  const busy = upload.isPending;

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    setSaved(false);
    if (!file) return;
    if (!(file.type in IMAGE_TYPES)) return setProblem(t("brand.image.wrongType"));
    if (file.size > limits.maxBytes) return setProblem(t("brand.image.tooBig", { limit: formatByteLimit(limits.maxBytes) }));
    setProblem(null);
    try {
      const image = await upload.mutateAsync({ purpose: props.purpose, practitionerId: props.practitionerId, contentBase64: await readBase64(file) });
      await props.publish(image.id);
      setSaved(true);
    } catch (error) {
      setProblem(describeFailure(error).message);
    }
  }

  return (
    <div className={styles.brandImage}>
      {props.current ? <img src={props.current.url} alt={props.alt} width={props.current.width} height={props.current.height} className={styles.brandPreview} /> : <p>{t("brand.image.none")}</p>}
      <TextField
        label={props.label}
        hint={t("brand.image.hint", { limit: formatByteLimit(limits.maxBytes) })}
        type="file"
        accept={ACCEPT}
        disabled={busy}
        error={problem ?? undefined}
        onChange={(e) => void choose(e)}
      />
      {props.current ? (
        <Button variant="secondary" disabled={busy} onClick={() => void props.publish(null).then(() => setSaved(false))}>
          {t("brand.image.remove")}
        </Button>
      ) : null}
      {saved ? <SuccessNotice title={t("brand.image.saved")} /> : null}
    </div>
  );
}

function LogoField({ logo }: { logo: Image | null }) {
  const trpc = useTRPC();
  const { t } = useStaffText();
  const answered = useBrandAnswer();
  const update = useMutation(trpc.clinic.brand.update.mutationOptions({ onSuccess: answered }));
  return (
    <>
      <h3>{t("brand.logo.heading")}</h3>
      <ImagePicker purpose="logo" label={t("brand.logo.choose")} current={logo} alt={t("brand.logo.alt")} publish={(logoImageId) => update.mutateAsync({ logoImageId })} />
    </>
  );
}

/** The accent's refusal in the member's language, or null when it is readable (or not yet a colour). */
function useAccentProblem(value: string): string | null {
  const { t } = useStaffText();
  const colour = value.trim().toLowerCase();
  if (colour === "") return null;
  if (!isHexColour(colour)) return t("brand.accent.format");
  const problem = accentContrastProblem(colour);
  return problem ? t("brand.accent.lowContrast", { ratio: problem.ratio, suggestion: problem.suggestion }) : null;
}

function LooksForm({ brand }: { brand: Brand }) {
  const trpc = useTRPC();
  const { t } = useStaffText();
  const answered = useBrandAnswer();
  const [accent, setAccent] = useState(brand.accentColour ?? "");
  const [description, setDescription] = useState(brand.description ?? "");
  const update = useMutation(trpc.clinic.brand.update.mutationOptions({ onSuccess: answered }));
  const accentProblem = useAccentProblem(accent);
  const tooLong = description.length > BRAND_TEXT_LIMITS.description ? t("brand.tooLong", { max: BRAND_TEXT_LIMITS.description }) : null;
  const failure = update.isError ? describeFailure(update.error) : null;
  const suggestion = accentProblem && isHexColour(accent.trim()) ? accentContrastProblem(accent.trim())?.suggestion : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (accentProblem || tooLong) return;
    update.mutate({ accentColour: accent.trim() || null, description });
  }

  return (
    <form onSubmit={submit} noValidate>
      <h3>{t("brand.looks.heading")}</h3>
      <div className={styles.accentRow}>
        <TextField label={t("brand.accent.label")} hint={t("brand.accent.hint")} value={accent} error={accentProblem ?? undefined} onChange={(e) => setAccent(e.target.value)} />
        {isHexColour(accent.trim()) ? <span className={styles.swatch} style={{ background: accent.trim() }} aria-hidden="true" /> : null}
      </div>
      {suggestion ? (
        <Button variant="secondary" onClick={() => setAccent(suggestion)}>
          {t("brand.accent.useSuggestion", { suggestion })}
        </Button>
      ) : null}
      <TextAreaField label={t("brand.description.label")} hint={t("brand.description.hint", { max: BRAND_TEXT_LIMITS.description })} rows={3} value={description} error={tooLong ?? undefined} onChange={(e) => setDescription(e.target.value)} />
      {update.isSuccess ? <SuccessNotice title={t("brand.saved")} /> : null}
      {failure ? <ErrorNotice title={t("brand.notSaved")} message={failure.message} /> : null}
      <Button type="submit" disabled={update.isPending}>
        {t("brand.looks.save")}
      </Button>
    </form>
  );
}

function AddressPreview({ address, mapUrl }: { address: string | null; mapUrl: string | null }) {
  const { t } = useStaffText();
  return (
    <>
      <h3>{t("brand.address.heading")}</h3>
      {address ? <p className={styles.address}>{address}</p> : <p>{t("brand.address.none")}</p>}
      {mapUrl ? (
        <p>
          <a href={mapUrl} target="_blank" rel="noreferrer">
            {t("brand.address.map")}
          </a>
        </p>
      ) : null}
      <p>
        <Link to="/app/settings">{t("brand.address.edit")}</Link>
      </p>
    </>
  );
}

function PractitionerProfile({ practitioner }: { practitioner: Brand["practitioners"][number] }) {
  const trpc = useTRPC();
  const { t } = useStaffText();
  const answered = useBrandAnswer();
  const [bio, setBio] = useState(practitioner.bio ?? "");
  const save = useMutation(trpc.clinic.brand.setPractitioner.mutationOptions({ onSuccess: answered }));
  const tooLong = bio.length > BRAND_TEXT_LIMITS.bio ? t("brand.tooLong", { max: BRAND_TEXT_LIMITS.bio }) : null;
  const failure = save.isError ? describeFailure(save.error) : null;
  return (
    <fieldset className={styles.brandItem}>
      <legend>{practitioner.displayName}</legend>
      <ImagePicker
        purpose="practitioner"
        practitionerId={practitioner.id}
        label={t("brand.photo.choose", { name: practitioner.displayName })}
        current={practitioner.photo}
        alt={t("brand.photo.alt", { name: practitioner.displayName })}
        publish={(photoImageId) => save.mutateAsync({ practitionerId: practitioner.id, photoImageId })}
      />
      <TextAreaField label={t("brand.bio.label", { name: practitioner.displayName })} rows={3} value={bio} error={tooLong ?? undefined} onChange={(e) => setBio(e.target.value)} />
      {failure ? <ErrorNotice title={t("brand.notSaved")} message={failure.message} /> : null}
      <Button variant="secondary" disabled={save.isPending || tooLong !== null} onClick={() => save.mutate({ practitionerId: practitioner.id, bio })}>
        {t("brand.bio.save", { name: practitioner.displayName })}
      </Button>
    </fieldset>
  );
}

function ServiceDescription({ service }: { service: Brand["services"][number] }) {
  const trpc = useTRPC();
  const { t } = useStaffText();
  const answered = useBrandAnswer();
  const [description, setDescription] = useState(service.description ?? "");
  const save = useMutation(trpc.clinic.brand.setService.mutationOptions({ onSuccess: answered }));
  const tooLong = description.length > BRAND_TEXT_LIMITS.serviceDescription ? t("brand.tooLong", { max: BRAND_TEXT_LIMITS.serviceDescription }) : null;
  const failure = save.isError ? describeFailure(save.error) : null;
  return (
    <div className={styles.brandItem}>
      <TextAreaField label={t("brand.service.label", { name: service.name })} rows={2} value={description} error={tooLong ?? undefined} onChange={(e) => setDescription(e.target.value)} />
      {failure ? <ErrorNotice title={t("brand.notSaved")} message={failure.message} /> : null}
      {save.isSuccess ? <SuccessNotice title={t("brand.saved")} /> : null}
      <Button variant="secondary" disabled={save.isPending || tooLong !== null} onClick={() => save.mutate({ serviceId: service.id, description })}>
        {t("brand.service.save", { name: service.name })}
      </Button>
    </div>
  );
}
