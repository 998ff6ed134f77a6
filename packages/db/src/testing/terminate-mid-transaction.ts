// Run as its own process by client.restart.test.ts: transactions whose backend is terminated
// while a query is in flight, one after another on a small pool. Prints one JSON line with the
// outcome of each; exits 0 unless the process would have died. An unhandled rejection from the
// driver is counted, as the server's supervisor would log it, not fatal (ADR 0018).
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { createDb } from "../client";

const [url] = process.argv.slice(2);
let unhandled = 0;
process.on("unhandledRejection", () => unhandled++);

const { db, close } = createDb(url!, { max: 2 });
const killer = postgres(url!, { max: 1, onnotice: () => undefined });
const outcomes: string[] = [];
for (let round = 0; round < 6; round++) {
  let pid: number | undefined;
  const transaction = db.transaction(async (tx) => {
    const [row] = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
    pid = row!.pid;
    await tx.execute(sql`select pg_sleep(5)`);
  });
  const outcome = transaction.then(
    () => "committed",
    (error: { cause?: { code?: string }; code?: string }) => error.cause?.code ?? error.code ?? "error",
  );
  // A transaction that never starts (the pool lost the connection for good) is what this guards against.
  const started = Date.now();
  while (pid === undefined && Date.now() - started < 3_000) await new Promise((resolve) => setTimeout(resolve, 10));
  if (pid === undefined) {
    outcomes.push("never started");
    break;
  }
  await killer`select pg_terminate_backend(${pid})`;
  outcomes.push(await Promise.race([outcome, new Promise<string>((resolve) => setTimeout(() => resolve("hung"), 3_000))]));
}
await Promise.race([Promise.all([close(), killer.end()]), new Promise((resolve) => setTimeout(resolve, 2_000))]);
process.stdout.write(`${JSON.stringify({ outcomes, unhandled })}\n`);
process.exit(0);
