// What did not reach its recipient: webhook deliveries that failed or wait for another attempt,
// each with a retry (the patient messages' failures join them here).
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc";
import { WebhookDeliveries } from "./WebhookDeliveries";

export function FailuresPage() {
  const trpc = useTRPC();
  const endpoints = useQuery(trpc.clinic.webhooks.list.queryOptions());
  const urls = Object.fromEntries((endpoints.data ?? []).map((e) => [e.id, e.url]));
  return (
    <section aria-labelledby="failures-heading">
      <h2 id="failures-heading">Failed deliveries</h2>
      <h3>Webhooks</h3>
      <WebhookDeliveries problemsOnly urls={urls} />
    </section>
  );
}
