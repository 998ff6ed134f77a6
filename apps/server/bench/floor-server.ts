/* eslint-disable no-restricted-properties -- a benchmark's helper process: an entry point */
// The floors for the API benchmark: the least an HTTP server on this stack can do for the same
// requests. node:http, no framework, no validation, no engine, no logs, no e-mail:
// - GET answers the slots answer read from SLOTS_FILE, serialised again for every request (as
//   the API does for a cached answer);
// - POST runs pgbench's booking transaction (scope, insert appointment, insert audit row) with
//   postgres.js and answers the new id. Its times start in 2040, clear of pgbench's (2030 on,
//   from the same sequence).
// What the real API reaches is read against these as well as against pgbench.
import { readFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import postgres from "postgres";

const { DATABASE_URL, CLINIC_ID, PRACTITIONER_ID, SERVICE_ID, PATIENT_ID, SLOTS_FILE } = process.env;
const slotsAnswer: unknown = SLOTS_FILE ? JSON.parse(readFileSync(SLOTS_FILE, "utf8")) : undefined;
const sql = DATABASE_URL ? postgres(DATABASE_URL, { max: 10 }) : undefined;

function answer(response: ServerResponse, status: number, body: string) {
  response.writeHead(status, { "Content-Type": "application/json" });
  response.end(body);
}

function book(response: ServerResponse) {
  if (!sql || !CLINIC_ID || !PRACTITIONER_ID || !SERVICE_ID || !PATIENT_ID) return answer(response, 503, '{"error":"no database settings"}');
  sql
    .begin(async (tx) => {
      await tx`select set_config('app.clinic_id', ${CLINIC_ID}, true), set_config('app.user_id', '', true), set_config('app.role', 'public', true)`;
      return tx`
        with slot as (select timestamptz '2040-01-01 00:00+00' + nextval('bench_slot') * interval '15 minutes' as at),
        booked as (
          insert into appointments (clinic_id, practitioner_id, service_id, patient_id, starts_at, ends_at, blocked_from, blocked_to, source)
          select ${CLINIC_ID}, ${PRACTITIONER_ID}, ${SERVICE_ID}, ${PATIENT_ID}, at, at + interval '15 minutes', at, at + interval '15 minutes', 'online' from slot
          returning id)
        insert into audit_log (clinic_id, actor_kind, action, entity, entity_id)
        select ${CLINIC_ID}, 'online_booking', 'create', 'appointment', id::text from booked
        returning entity_id`;
    })
    .then(
      ([row]) => answer(response, 200, JSON.stringify({ id: String(row?.entity_id) })),
      (error: unknown) => answer(response, 500, JSON.stringify({ error: error instanceof Error ? error.message : "failed" })),
    );
}

const server = createServer((request, response) => {
  request.resume();
  request.once("end", () => {
    if (request.method === "GET") {
      if (slotsAnswer === undefined) return answer(response, 503, '{"error":"no slots file"}');
      return answer(response, 200, JSON.stringify(slotsAnswer));
    }
    book(response);
  });
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`floor listening on http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}\n`);
});
process.once("SIGTERM", () => {
  server.close();
  void sql?.end();
});
