// "Create your clinic": its name, the address of its booking page (checked while typing), its
// time zone, and the locale, currency and country proposed from that zone (ADR 0041) until the
// owner changes them. The signed-in person becomes its owner and lands on the setup checklist.
import { proposeClinicRegion } from "@frontdesk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Navigate, useNavigate } from "@tanstack/react-router";
import { useId, useMemo, useState, type ChangeEvent, type FormEvent } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useEnvironment } from "../../environment";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/Field";
import { Skeleton } from "../../ui/Skeleton";
import { useDebouncedCallback } from "../../lib/useDebouncedCallback";
import { suggestSlug } from "./slug";
import styles from "./account.module.css";

const SLUG_CHECK_DELAY_MS = 300;

type RegionField = "locale" | "currency" | "country";

export function NewClinicPage() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  if (me.isPending) {
    return (
      <div aria-busy="true" className={styles.narrow}>
        <span className="visually-hidden">Loading…</span>
        <Skeleton height="16rem" />
      </div>
    );
  }
  // A clinic needs an owner: make the account first, then come back here.
  if (!me.data) return <Navigate to="/app/sign-up" search={{ redirect: "/app/new-clinic" }} replace />;
  return <NewClinicForm />;
}

function NewClinicForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { patientTimeZone } = useEnvironment();
  const zonesId = useId();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [timezone, setTimezone] = useState(patientTimeZone);
  const zones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  // What the owner typed over the zone's proposal; a field left alone follows the zone.
  const [regionEdits, setRegionEdits] = useState<Partial<Record<RegionField, string>>>({});
  const proposed = proposeClinicRegion(timezone.trim());
  const region: Record<RegionField, string> = {
    locale: regionEdits.locale ?? proposed.locale,
    currency: regionEdits.currency ?? proposed.currency,
    country: regionEdits.country ?? proposed.country ?? "",
  };
  const editRegion = (field: RegionField) => (e: ChangeEvent<HTMLInputElement>) => setRegionEdits((edits) => ({ ...edits, [field]: e.target.value }));

  // What the server was last asked about; lags the field by a pause in typing.
  const [checkedSlug, setCheckedSlug] = useState("");
  const scheduleCheck = useDebouncedCallback((value: string) => setCheckedSlug(value), SLUG_CHECK_DELAY_MS);
  const wantedSlug = slug.trim().toLowerCase();
  const availability = useQuery({ ...trpc.clinics.slugAvailable.queryOptions({ slug: checkedSlug }), enabled: checkedSlug !== "", staleTime: 0 });

  const changeSlug = (value: string) => {
    setSlug(value);
    scheduleCheck(value.trim().toLowerCase());
  };

  const create = useMutation(
    trpc.clinics.create.mutationOptions({
      onSuccess: async () => {
        // The new clinic is the session's active clinic now: everything cached was about another.
        queryClient.clear();
        // A new clinic has nothing to book yet: the checklist leads to the first online booking.
        await navigate({ to: "/app/setup" });
      },
    }),
  );
  const failure = create.isError ? describeFailure(create.error) : null;
  const fieldErrors = failure?.kind === "invalid" ? failure.fieldErrors : {};

  const checked = checkedSlug === wantedSlug && wantedSlug !== "";
  const checkFailure = checked && availability.isError ? describeFailure(availability.error) : null;
  const taken = checked && availability.data?.available === false;
  const slugError =
    (failure?.kind === "conflict" ? failure.message : undefined) ??
    fieldErrors.slug?.[0] ??
    (taken ? `The address "${wantedSlug}" is taken. Try another.` : undefined) ??
    (checkFailure?.kind === "invalid" ? (checkFailure.fieldErrors.slug?.[0] ?? checkFailure.message) : undefined);
  const slugStatus = wantedSlug === "" || slugError ? "" : !checked || availability.isFetching ? "Checking the address…" : availability.data?.available ? `${wantedSlug} is available` : "";
  const formMessage = failure && failure.kind !== "conflict" && Object.keys(fieldErrors).length === 0 ? failure.message : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (taken) return;
    const country = region.country.trim().toUpperCase();
    create.mutate({
      name,
      slug: wantedSlug,
      timezone: timezone.trim(),
      locale: region.locale.trim(),
      currency: region.currency.trim().toUpperCase(),
      ...(country ? { country } : {}),
    });
  }

  return (
    <div className={styles.narrow}>
      <h1>Create your clinic</h1>
      <p>You will be its owner, and can invite your staff from the clinic settings.</p>
      <form onSubmit={submit} noValidate>
        <TextField
          label="Clinic name"
          required
          autoComplete="organization"
          value={name}
          error={fieldErrors.name?.[0]}
          onChange={(e) => {
            setName(e.target.value);
            if (!slugEdited) changeSlug(suggestSlug(e.target.value));
          }}
        />
        <TextField
          label="Booking page address"
          required
          autoComplete="off"
          spellCheck={false}
          hint={`Patients book at ${window.location.origin}/book/${wantedSlug || "your-clinic"}. Lowercase letters, digits and hyphens.`}
          value={slug}
          error={slugError}
          onChange={(e) => {
            setSlugEdited(true);
            changeSlug(e.target.value);
          }}
        />
        <p role="status" className={styles.slugStatus}>
          {slugStatus ? <span className={availability.data?.available && checked ? styles.available : undefined}>{slugStatus}</span> : null}
        </p>
        <TextField
          label="Time zone"
          required
          autoComplete="off"
          spellCheck={false}
          list={zonesId}
          hint="Every time in the calendar and on the booking page is in this zone. Type to search, e.g. Paris."
          value={timezone}
          error={fieldErrors.timezone?.[0]}
          onChange={(e) => setTimezone(e.target.value)}
        />
        <datalist id={zonesId}>
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <fieldset className={styles.region}>
          <legend>Region</legend>
          <p className={styles.regionHint}>Proposed from the time zone; change them if they do not fit.</p>
          <TextField label="Locale" hint="Language and formats of the booking page and e-mails, such as fr-FR or en-US" value={region.locale} onChange={editRegion("locale")} error={fieldErrors.locale?.[0]} maxLength={35} autoComplete="off" spellCheck={false} />
          <TextField label="Currency" hint="Prices are in this currency, such as EUR or USD" value={region.currency} onChange={editRegion("currency")} error={fieldErrors.currency?.[0]} maxLength={3} autoComplete="off" spellCheck={false} />
          <TextField label="Country" hint="Two letters, such as FR or US: phone numbers without +country are read in it" value={region.country} onChange={editRegion("country")} error={fieldErrors.country?.[0]} maxLength={2} autoComplete="off" spellCheck={false} />
        </fieldset>
        {formMessage ? (
          <p role="alert" className={styles.formError}>
            {formMessage}
          </p>
        ) : null}
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating the clinic…" : "Create clinic"}
        </Button>
      </form>
    </div>
  );
}
