// A new clinic's way to its first online booking: four steps with their progress, a link to where
// each is done, and the warnings that keep patients from booking (they stay until fixed, because
// the API computes them from the clinic as it is: clinic.setup.checklist).
import { can } from "@frontdesk/domain";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useStaffText } from "../../i18n/staff/useStaffText";
import { ErrorNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import { embedSnippets } from "../embed/embed-snippets";
import { EmbedSnippetBoxes } from "../embed/EmbedSnippetBoxes";
import { useStaffSession } from "../StaffLayout";
import type { RouterOutputs } from "@frontdesk/api";
import styles from "./setup.module.css";

type Checklist = RouterOutputs["clinic"]["setup"]["checklist"];
type Step = Checklist["steps"][number]["step"];
type Warning = Checklist["warnings"][number];

const STEP_LINKS: Record<Exclude<Step, "share">, "/app/settings/services" | "/app/settings/practitioners" | "/app/settings/hours"> = {
  services: "/app/settings/services",
  practitioners: "/app/settings/practitioners",
  hours: "/app/settings/hours",
};

const STEP_TEXT: Record<Step, { title: string; hint: string; action: string }> = {
  services: { title: "setup.services.title", hint: "setup.services.hint", action: "setup.services.action" },
  practitioners: { title: "setup.practitioners.title", hint: "setup.practitioners.hint", action: "setup.practitioners.action" },
  hours: { title: "setup.hours.title", hint: "setup.hours.hint", action: "setup.hours.action" },
  share: { title: "setup.share.title", hint: "setup.share.hint", action: "setup.share.action" },
};

export function SetupPage() {
  const { membership } = useStaffSession();
  const { t } = useStaffText();
  const trpc = useTRPC();
  const allowed = can(membership.role, "clinic.setup.checklist");
  // Read afresh on every visit: the owner comes back here from the screen where a step was done,
  // usually well inside the app's 30 s staleTime, and the progress must already show that step.
  const checklist = useQuery({ ...trpc.clinic.setup.checklist.queryOptions(), enabled: allowed, staleTime: 0, refetchOnMount: "always" });
  if (!allowed) {
    return (
      <>
        <h1>{t("setup.title")}</h1>
        <p>{t("setup.refused")}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t("setup.title")}</h1>
      {checklist.isPending ? (
        <div aria-busy="true">
          <span className="visually-hidden">{t("setup.loading")}</span>
          <Skeleton height="12rem" />
        </div>
      ) : checklist.isError ? (
        <ErrorNotice title={t("setup.failed")} message={describeFailure(checklist.error).message} onRetry={() => void checklist.refetch()} />
      ) : (
        <SetupChecklist checklist={checklist.data} />
      )}
    </>
  );
}

function SetupChecklist({ checklist }: { checklist: Checklist }) {
  const { t } = useStaffText();
  const snippets = embedSnippets(window.location.origin, checklist.slug, t("embed.buttonLabel"));
  const bookingUrl = snippets.bookingUrl;
  return (
    <>
      <p className={styles.progressText}>{t("setup.progress", { completed: checklist.completed, total: checklist.total })}</p>
      <progress className={styles.progress} max={checklist.total} value={checklist.completed} aria-label={t("setup.progressLabel")} />
      {checklist.warnings.length > 0 ? (
        <section aria-labelledby="setup-warnings" className={styles.warnings}>
          <h2 id="setup-warnings">{t("setup.warnings.title")}</h2>
          <ul>
            {checklist.warnings.map((warning) => (
              <li key={warningKey(warning)}>
                <WarningText warning={warning} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ol className={styles.steps}>
        {checklist.steps.map(({ step, done }) => (
          <li key={step} className={styles.step} data-done={done || undefined}>
            <span className={styles.mark} aria-hidden="true">
              {done ? "✓" : ""}
            </span>
            <div>
              <h2 className={styles.stepTitle}>
                {t(STEP_TEXT[step].title)} <span className={styles.state}>{done ? t("setup.done") : t("setup.todo")}</span>
              </h2>
              <p className={styles.hint}>{t(STEP_TEXT[step].hint)}</p>
              {step === "share" ? (
                <>
                  <p>
                    <a href={bookingUrl}>{bookingUrl}</a>
                  </p>
                  <EmbedSnippetBoxes snippets={snippets} />
                  <p className={styles.hint}>
                    <Link to="/app/settings/embed">{t("embed.settingsLink")}</Link>
                  </p>
                </>
              ) : (
                <Link to={STEP_LINKS[step]}>{t(STEP_TEXT[step].action)}</Link>
              )}
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}

const warningKey = (warning: Warning) => (warning.kind === "nothing_bookable_online" ? warning.kind : `${warning.kind}-${warning.id}`);

function WarningText({ warning }: { warning: Warning }) {
  const { t } = useStaffText();
  switch (warning.kind) {
    case "practitioner_without_hours":
      return (
        <>
          {t("setup.warning.withoutHours", { name: warning.name })}{" "}
          <Link to="/app/settings/hours" search={{ practitioner: warning.id }}>{t("setup.hours.action")}</Link>
        </>
      );
    case "service_nobody_offers":
      return (
        <>
          {t("setup.warning.unoffered", { name: warning.name })} <Link to="/app/settings/practitioners">{t("setup.practitioners.action")}</Link>
        </>
      );
    case "nothing_bookable_online":
      return (
        <>
          {t("setup.warning.nothingBookable")} <Link to="/app/settings/services">{t("setup.services.action")}</Link>
        </>
      );
  }
}
