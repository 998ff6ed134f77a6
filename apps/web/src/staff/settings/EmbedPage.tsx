// The booking page on the clinic's own website (clinic.embed.get / update, ADR 0051): the sites
// allowed to frame it, and the code to paste there.
import { isEmbedOrigin, MAX_EMBED_ORIGINS } from "@frontdesk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useStaffText } from "../../i18n/staff/useStaffText";
import { Button } from "../../ui/Button";
import { TextAreaField } from "../../ui/Field";
import { ErrorNotice, SuccessNotice } from "../../ui/Notice";
import { Loading } from "../../ui/Loading";
import { embedSnippets } from "../embed/embed-snippets";
import { EmbedSnippetBoxes } from "../embed/EmbedSnippetBoxes";
import { useStaffSession } from "../StaffLayout";

export function EmbedPage() {
  const trpc = useTRPC();
  const { t } = useStaffText();
  const { membership } = useStaffSession();
  const embed = useQuery(trpc.clinic.embed.get.queryOptions());
  const snippets = embedSnippets(window.location.origin, membership.clinicSlug, t("embed.buttonLabel"));
  return (
    <section aria-labelledby="embed-heading">
      <h2 id="embed-heading">{t("embed.title")}</h2>
      <p>{t("embed.intro")}</p>
      {embed.isPending ? (
        <Loading label={t("embed.loading")} />
      ) : embed.isError ? (
        <ErrorNotice title={t("embed.failed")} message={describeFailure(embed.error).message} onRetry={() => void embed.refetch()} />
      ) : (
        <OriginsForm origins={embed.data.origins} />
      )}
      <EmbedSnippetBoxes snippets={snippets} />
    </section>
  );
}

const linesOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((line) => line.trim())
    .filter((line) => line !== "");

function OriginsForm(props: { origins: string[] }) {
  const trpc = useTRPC();
  const { t } = useStaffText();
  const queryClient = useQueryClient();
  const [text, setText] = useState(props.origins.join("\n"));
  const [problem, setProblem] = useState<string | undefined>();
  const update = useMutation(
    trpc.clinic.embed.update.mutationOptions({
      onSuccess: (answer) => {
        queryClient.setQueryData(trpc.clinic.embed.get.queryKey(), answer);
        setText(answer.origins.join("\n"));
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const origins = linesOf(text);
    // The server's own rule (packages/domain), checked here to name the line in the member's language.
    const wrong = origins.find((origin) => !isEmbedOrigin(origin));
    const next = wrong ? t("embed.invalid", { origin: wrong }) : origins.length > MAX_EMBED_ORIGINS ? t("embed.tooMany", { max: MAX_EMBED_ORIGINS }) : undefined;
    setProblem(next);
    if (next === undefined) update.mutate({ origins });
  }

  return (
    <form onSubmit={submit} noValidate>
      <TextAreaField label={t("embed.origins")} hint={t("embed.originsHint")} rows={3} value={text} error={problem} onChange={(e) => setText(e.target.value)} />
      {update.isSuccess ? <SuccessNotice title={t("embed.saved")} /> : null}
      {update.isError ? <ErrorNotice title={t("embed.notSaved")} message={describeFailure(update.error).message} /> : null}
      <Button type="submit" disabled={update.isPending}>
        {update.isPending ? t("embed.saving") : t("embed.save")}
      </Button>
    </form>
  );
}
