/* eslint-disable no-restricted-properties -- a benchmark's helper process: an entry point */
// The floor for the booking benchmark: the least an HTTP booking endpoint on this stack can do.
// node:http and postgres.js, no framework, no validation, no engine, no e-mail: each POST runs
// pgbench's transaction (scope, insert appointment, insert audit row) and answers the new id.
// What the real API reaches is read against this as well as against pgbench.
import { createServer } from "node:http";
import postgres from "postgres";

const { DATABASE_URL, CLINIC_ID, PRACTITIONER_ID, SERVICE_ID, PATIENT_ID } = process.env;
if (!DATABASE_URL || !CLINIC_ID || !PRACTITIONER_ID || !SERVICE_ID || !PATIENT_ID) throw new Error("floor-server: missing settings");
const sql = postgres(DATABASE_URL, { max: 10 });

const server = createServer((request, response) => {
  request.resume();
  request.once("end", () => {
    sql
      .begin(async (tx) => {
        await tx`select set_config('app.clinic_id', ${CLINIC_ID}, true), set_config('app.user_id', '', true), set_config('app.role', 'public', true)`;
        return tx`
          with slot as (select timestamptz '2031-01-01 00:00+00' + nextval('bench_slot') * interval '15 minutes' as at),
          booked as (
            insert into appointments (clinic_id, practitioner_id, service_id, patient_id, starts_at, ends_at, blocked_from, blocked_to, source)
            select ${CLINIC_ID}, ${PRACTITIONER_ID}, ${SERVICE_ID}, ${PATIENT_ID}, at, at + interval '15 minutes', at, at + interval '15 minutes', 'online' from slot
            returning id)
          insert into audit_log (clinic_id, actor_kind, action, entity, entity_id)
          select ${CLINIC_ID}, 'online_booking', 'create', 'appointment', id::text from booked
          returning entity_id`;
      })
      .then(
        ([row]) => {
          response.writeHead(200, { "Content-Type": "application/json" });
          response.end(JSON.stringify({ id: String(row?.entity_id) }));
        },
        (error: unknown) => {
          response.writeHead(500);
          response.end(error instanceof Error ? error.message : "failed");
        },
      );
  });
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`floor listening on http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}\n`);
});
process.once("SIGTERM", () => {
  server.close();
  void sql.end();
});
