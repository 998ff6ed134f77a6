// `pnpm bench` (apps/server): what the REST layer (trpc-to-openapi, ADR 0027) costs over calling
// the same procedure through tRPC. Both run in this process against the same fetch handler and a
// real PostgreSQL, with the same API key, interleaved call by call so the machine's noise hits
// both alike. No sockets: the difference is the layers, not the network.
import { createFetchHandler } from "@frontdesk/api";
import { restApi } from "@frontdesk/api/rest";
import { callerFor, createBookableClinic, createTestDeps, sessionFor } from "@frontdesk/api/testing";
import { createDb } from "@frontdesk/db";
import { startTestServer } from "@frontdesk/db/testing/server";
import { percentile } from "./processes";

const WARM_UP = 200;
const CALLS = 2000;


async function main() {
  const database = await startTestServer();
  const { db, close } = createDb(database.urls.appUrl, { max: 4 });
  try {
    const clinic = await createBookableClinic(db, { practitioners: 5 });
    const { deps } = createTestDeps(db);
    const owner = callerFor(deps, await sessionFor(deps, clinic.ownerUserId, clinic.clinicId)).caller;
    const { key } = await owner.clinic.apiKeys.create({ name: "bench", scopes: ["calendar:read"] });
    const handler = createFetchHandler(deps, { rest: restApi });
    const headers = { Authorization: `Bearer ${key}` };
    const calls = {
      trpc: () => handler(new Request("http://localhost:3000/trpc/services.list", { headers })),
      rest: () => handler(new Request("http://localhost:3000/api/v1/services", { headers })),
    };
    const times: Record<keyof typeof calls, number[]> = { trpc: [], rest: [] };
    for (let i = 0; i < WARM_UP + CALLS; i++) {
      for (const name of i % 2 === 0 ? (["trpc", "rest"] as const) : (["rest", "trpc"] as const)) {
        const started = performance.now();
        const response = await calls[name]();
        await response.text();
        if (response.status !== 200) throw new Error(`${name} answered ${response.status}`);
        if (i >= WARM_UP) times[name].push(performance.now() - started);
      }
    }
    process.stdout.write(`services.list with an API key, ${CALLS} calls each, interleaved, in process:\n\n| path | p50 ms | p99 ms | mean ms |\n|---|---|---|---|\n`);
    for (const [name, list] of Object.entries(times)) {
      const sorted = [...list].sort((a, b) => a - b);
      const mean = list.reduce((a, b) => a + b, 0) / list.length;
      process.stdout.write(`| ${name === "trpc" ? "GET /trpc/services.list" : "GET /api/v1/services"} | ${percentile(sorted, 50).toFixed(2)} | ${percentile(sorted, 99).toFixed(2)} | ${mean.toFixed(2)} |\n`);
    }
  } finally {
    await close();
    await database.stop();
  }
}

await main();
