// What PostgreSQL plans for a query as the app runs it: under row-level security, where only
// leakproof comparisons may reach an index.
import { sql, type SQLWrapper } from "drizzle-orm";
import type { Database, Transaction } from "../client";
import { withTenant, type TenantScope } from "../scope";

/**
 * The conditions PostgreSQL would apply inside index scans for `query` in `scope`. Sequential scans
 * are turned off: with a test's handful of rows they are cheapest, and the question is whether an
 * index can serve the query at all.
 */
export function indexConditions(db: Database, scope: TenantScope, query: (tx: Transaction) => SQLWrapper): Promise<string[]> {
  return withTenant(db, scope, async (tx) => {
    await tx.execute("set local enable_seqscan = off");
    const [row] = await tx.execute<{ "QUERY PLAN": unknown }>(sql`explain (format json) ${query(tx)}`);
    const conditions: string[] = [];
    const walk = (node: unknown) => {
      if (typeof node !== "object" || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        if (key === "Index Cond" && typeof value === "string") conditions.push(value);
        else walk(value);
      }
    };
    walk(row?.["QUERY PLAN"]);
    return conditions;
  });
}
