// /metrics as Prometheus scrapes it from the production server: guarded by METRICS_TOKEN, counters
// that move with the requests made, and no label that names a patient or carries an id.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseConfig } from "@frontdesk/api";
import { connectAsApp, createTestClinic, type TestClinic } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startServer } from "./node";

const TOKEN = "metrics-token-for-tests-0123456789";
const { db, close } = connectAsApp();
let url: string;
let stop: () => Promise<void>;
let clinic: TestClinic;

beforeAll(async () => {
  clinic = await createTestClinic(db);
  const dir = await mkdtemp(path.join(tmpdir(), "frontdesk-metrics-"));
  const config = parseConfig({ PORT: "0", LOG_LEVEL: "silent", MAIL_DIR: path.join(dir, "mail"), METRICS_TOKEN: TOKEN, RATE_LIMITS: "off" });
  const server = await startServer(config, { databaseUrl: inject("database").appUrl, webRoot: dir });
  url = server.url;
  stop = () => server.stop();
});
afterAll(async () => {
  await stop();
  await close();
});

const scrape = async () => {
  const response = await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  return response.text();
};

/** The value of the sample `name{labels}` (labels in the order prom-client writes them), 0 when absent. */
function sample(text: string, name: string, labels: string): number {
  const line = text.split("\n").find((l) => l.startsWith(labels ? `${name}{${labels}} ` : `${name} `));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

const post = (procedure: string, input: unknown) =>
  fetch(`${url}/trpc/${procedure}`, { method: "POST", headers: { "Content-Type": "application/json", Origin: "http://localhost:3000" }, body: JSON.stringify(input) });

describe("/metrics", () => {
  it("answers only with the token", async () => {
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { Authorization: "Bearer wrong-token-wrong-token" } })).status).toBe(401);
  });

  it("counts calls, bookings and conflicts, and no label carries an e-mail, an id or a name", async () => {
    const before = await scrape();
    const input = encodeURIComponent(JSON.stringify({ clinicSlug: clinic.slug }));
    for (let i = 0; i < 2; i++) expect((await fetch(`${url}/trpc/public.clinic?input=${input}`)).status).toBe(200);
    const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 8 * 86_400_000).toISOString().slice(0, 10);
    const slotsInput = encodeURIComponent(JSON.stringify({ clinicSlug: clinic.slug, serviceId: clinic.serviceId, from, to }));
    const slots = (await (await fetch(`${url}/trpc/public.slots?input=${slotsInput}`)).json()) as { result: { data: { days: Array<{ starts: string[] }> } } };
    const start = slots.result.data.days.flatMap((d) => d.starts)[0]!;
    const booking = (email: string) => ({
      clinicSlug: clinic.slug,
      serviceId: clinic.serviceId,
      start,
      patient: { name: "Zoé Metricsworth", email },
      idempotencyKey: crypto.randomUUID(),
    });
    expect((await post("public.book", booking("zoe.metrics@example.test"))).status).toBe(200);
    expect((await post("public.book", booking("other.metrics@example.test"))).status).toBe(409);

    const after = await scrape();
    const moved = (name: string, labels: string) => sample(after, name, labels) - sample(before, name, labels);
    expect(moved("frontdesk_procedure_calls_total", 'procedure="public.clinic",outcome="ok"')).toBe(2);
    expect(moved("frontdesk_procedure_calls_total", 'procedure="public.book",outcome="CONFLICT"')).toBe(1);
    expect(moved("frontdesk_bookings_total", 'source="online"')).toBe(1);
    expect(moved("frontdesk_booking_conflicts_total", 'procedure="public.book"')).toBe(1);
    expect(moved("frontdesk_procedure_duration_seconds_count", 'procedure="public.clinic"')).toBe(2);
    expect(moved("frontdesk_http_requests_total", 'area="trpc",status="2xx"')).toBeGreaterThanOrEqual(4);
    expect(after).toMatch(/^frontdesk_cache_lookups_total\{cache="[a-z ]+",result="(hit|miss)"\} \d+$/m);
    expect(after).toMatch(/^frontdesk_db_transactions_running \d+$/m);
    expect(after).toMatch(/^frontdesk_live_feeds \d+$/m);
    // The booking enqueued its notifications; no worker runs here, so they wait.
    expect(moved("frontdesk_jobs_waiting", "")).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/^frontdesk_jobs_oldest_waiting_seconds \d+(\.\d+)?(e[+-]?\d+)?$/m);
    expect(after).toMatch(/^frontdesk_jobs_failed \d+$/m);

    const labelValues = [...after.matchAll(/="([^"]*)"/g)].map((m) => m[1]!);
    expect(labelValues.length).toBeGreaterThan(10);
    for (const value of labelValues) {
      expect(value, value).not.toMatch(/@/);
      expect(value, value).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
      expect(value, value).not.toMatch(/Zoé|Metricsworth|Pat Test|test-/);
    }
  });
});

describe("/readyz?verbose", () => {
  it("times each dependency for the token's holder only", async () => {
    expect((await fetch(`${url}/readyz?verbose`)).status).toBe(401);
    const response = await fetch(`${url}/readyz?verbose`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; checks: Record<string, { status: string; ms: number }> };
    expect(body.status).toBe("ready");
    expect(body.checks.database?.status).toBe("ok");
    expect(typeof body.checks.database?.ms).toBe("number");
    expect(body.checks.migrations).toMatchObject({ status: "ok" });
    expect(body.checks.queue).toMatchObject({ status: "ok" });
    expect(Object.keys(body.checks).sort()).toEqual(["database", "mail", "migrations", "queue"]);
  });
});
