// What PostgreSQL plans for a query as the app runs it: under row-level security, where only
// leakproof comparisons may reach an index.
import { sql, type SQLWrapper } from "drizzle-orm";
import type { Database, Transaction } from "../client";
import { withTenant, type TenantScope } from "../scope";

/** One scan of an index in a plan: its kind ("Index Scan", "Index Only Scan", "Bitmap Index Scan"), the index and its condition. */
export interface IndexScan {
  kind: string;
  index: string;
  condition: string | undefined;
}

/**
 * The index scans PostgreSQL would run for `query` in `scope`. Sequential scans are turned off:
 * with a test's handful of rows they are cheapest, and the question is whether an index can serve
 * the query at all.
 */
export function indexScans(db: Database, scope: TenantScope, query: (tx: Transaction) => SQLWrapper): Promise<IndexScan[]> {
  return withTenant(db, scope, async (tx) => {
    await tx.execute("set local enable_seqscan = off");
    const [row] = await tx.execute<{ "QUERY PLAN": unknown }>(sql`explain (format json) ${query(tx)}`);
    const scans: IndexScan[] = [];
    const walk = (node: unknown) => {
      if (typeof node !== "object" || node === null) return;
      const plan = node as Record<string, unknown>;
      if (typeof plan["Index Name"] === "string") {
        scans.push({ kind: String(plan["Node Type"]), index: plan["Index Name"], condition: typeof plan["Index Cond"] === "string" ? plan["Index Cond"] : undefined });
      }
      for (const value of Object.values(plan)) walk(value);
    };
    walk(row?.["QUERY PLAN"]);
    return scans;
  });
}

/** The conditions PostgreSQL would apply inside index scans for `query` in `scope` (see indexScans). */
export async function indexConditions(db: Database, scope: TenantScope, query: (tx: Transaction) => SQLWrapper): Promise<string[]> {
  return (await indexScans(db, scope, query)).flatMap((scan) => (scan.condition ? [scan.condition] : []));
}
