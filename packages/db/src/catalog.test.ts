// Tenant isolation proven from the catalog, not from memory: whatever tables exist, each one with
// a clinic_id must be locked to the clinic in scope, and the app role must be powerless to unlock it.
import { afterAll, describe, expect, it } from "vitest";
import postgres from "postgres";
import { inject } from "vitest";
import { createFreshDatabase } from "./testing";

/**
 * Extra policies on tenant tables, each listed here with its command, its kind and its reason. A
 * permissive one widens what a role sees; a restrictive one only narrows it.
 */
const ALLOWED_EXTRA_POLICIES: Record<string, Record<string, { cmd: string; permissive: "PERMISSIVE" | "RESTRICTIVE" }>> = {
  // A user lists their own clinics to switch between them.
  memberships: { memberships_read_own: { cmd: "SELECT", permissive: "PERMISSIVE" } },
  // The public booking scope adds patients but never reads, changes or removes one (ADR 0013).
  patients: { patients_hidden_from_public: { cmd: "ALL", permissive: "RESTRICTIVE" } },
  // Who came first is about patients: the public booking scope reads it no more than patients (ADR 0064).
  patient_first_visits: { patient_first_visits_hidden_from_public: { cmd: "SELECT", permissive: "RESTRICTIVE" } },
  // Receptionists and the public booking never see a clinical note (ADR 0026).
  clinical_notes: { clinical_notes_clinicians_only: { cmd: "ALL", permissive: "RESTRICTIVE" } },
  // Intake answers are written from the public booking page but read only by clinicians (ADR 0037).
  intake_answers: { intake_answers_clinicians_read: { cmd: "SELECT", permissive: "RESTRICTIVE" } },
  // The booking page reads a service's questions; only staff add a version (ADR 0037).
  intake_form_versions: { intake_form_versions_staff_write: { cmd: "INSERT", permissive: "RESTRICTIVE" } },
  // The booking page reads published brand images only, and only owners and admins write them (ADR 0049).
  clinic_images: { clinic_images_published_to_public: { cmd: "ALL", permissive: "RESTRICTIVE" } },
  // The worker's drain moves every clinic's waiting jobs to the queue as the owner, never the app role (ADR 0055).
  job_outbox: {
    job_outbox_drain_read: { cmd: "SELECT", permissive: "PERMISSIVE" },
    job_outbox_drain_delete: { cmd: "DELETE", permissive: "PERMISSIVE" },
  },
};

const ISOLATION_QUAL =
  /^\(clinic_id = \( SELECT \(NULLIF\(current_setting\('app\.clinic_id'::text, true\), ''::text\)\)::uuid AS "?nullif"?\)\)$/;

/** Every way the catalog falls short of the isolation rules (DESIGN.md section 4), as sentences. */
export async function isolationGaps(sql: postgres.Sql): Promise<string[]> {
  const gaps: string[] = [];
  const tables = await sql<{ table: string; rls: boolean; forced: boolean }[]>`
    select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'clinic_id' and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by 1`;
  // Global tables (no clinic_id) carry their own policies, reviewed in ADR 0001; they are locked too.
  const unlocked = await sql<{ table: string }[]>`
    select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not (c.relrowsecurity and c.relforcerowsecurity)
      and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'clinic_id' and not a.attisdropped)
    order by 1`;
  for (const { table } of unlocked) gaps.push(`${table}: global table without forced row-level security`);
  const policies = await sql<{ table: string; name: string; cmd: string; permissive: string; qual: string | null; check: string | null }[]>`
    select tablename as table, policyname as name, cmd, permissive, qual, with_check as check
    from pg_policies where schemaname = 'public'`;
  for (const { table, rls, forced } of tables) {
    if (!rls) gaps.push(`${table}: row-level security is not enabled`);
    if (!forced) gaps.push(`${table}: row-level security is not forced`);
    const own = policies.filter((p) => p.table === table);
    const isolation = own.find((p) => p.name === "tenant_isolation");
    if (!isolation) {
      gaps.push(`${table}: no tenant_isolation policy`);
    } else if (
      isolation.cmd !== "ALL" ||
      isolation.permissive !== "PERMISSIVE" ||
      !ISOLATION_QUAL.test(isolation.qual ?? "") ||
      !ISOLATION_QUAL.test(isolation.check ?? "")
    ) {
      gaps.push(`${table}: tenant_isolation is not "clinic_id = app.clinic_id" for all commands`);
    }
    for (const extra of own.filter((p) => p.name !== "tenant_isolation")) {
      const allowed = ALLOWED_EXTRA_POLICIES[table]?.[extra.name];
      if (allowed?.cmd !== extra.cmd || allowed.permissive !== extra.permissive) {
        gaps.push(`${table}: unexpected policy ${extra.name} (${extra.cmd}, ${extra.permissive})`);
      }
    }
  }
  return gaps;
}

describe("the catalog", () => {
  const sql = postgres(inject("database").adminUrl, { max: 1, onnotice: () => undefined });
  afterAll(() => sql.end());

  it("locks every table that has a clinic_id to the clinic in scope", async () => {
    const [{ count } = { count: 0 }] = await sql<{ count: number }[]>`
      select count(*)::int as count from pg_attribute a join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
      where a.attname = 'clinic_id' and n.nspname = 'public' and c.relkind = 'r'`;
    expect(count).toBeGreaterThanOrEqual(10);
    expect(await isolationGaps(sql)).toEqual([]);
  });

  it("keeps the app role powerless: no superuser, no RLS bypass, owns nothing", async () => {
    const [role] = await sql<{ rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean; rolcreatedb: boolean }[]>`
      select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = 'frontdesk_app'`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    const owned = await sql`
      select c.relname from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = 'frontdesk_app'`;
    expect(owned).toEqual([]);
    const auditGrants = await sql<{ privilege_type: string }[]>`
      select privilege_type from information_schema.role_table_grants
      where grantee = 'frontdesk_app' and table_name = 'audit_log' order by 1`;
    expect(auditGrants.map((g) => g.privilege_type)).toEqual(["INSERT", "SELECT"]);
    const historyGrants = await sql<{ privilege_type: string }[]>`
      select privilege_type from information_schema.role_table_grants
      where grantee = 'frontdesk_app' and table_name = 'appointment_events' order by 1`;
    expect(historyGrants.map((g) => g.privilege_type)).toEqual(["INSERT", "SELECT"]);
  });
});

describe("security-definer functions", () => {
  const sql = postgres(inject("database").adminUrl, { max: 1, onnotice: () => undefined });
  afterAll(() => sql.end());

  it("have a fixed search_path, an owner bound by row-level security, and only the app role may call them (nobody, a trigger's)", async () => {
    const functions = await sql<{ name: string; config: string[] | null; super: boolean; bypass: boolean; publicExecute: boolean; appExecute: boolean; trigger: boolean }[]>`
      select p.proname as name, p.proconfig as config, r.rolsuper as super, r.rolbypassrls as bypass, p.prorettype = 'trigger'::regtype as trigger,
             coalesce(exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a where a.grantee = 0 and a.privilege_type = 'EXECUTE'), false) as "publicExecute",
             has_function_privilege('frontdesk_app', p.oid, 'EXECUTE') as "appExecute"
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_roles r on r.oid = p.proowner
       where n.nspname = 'public' and p.prosecdef
       order by 1`;
    expect(functions.map((f) => f.name)).toEqual(["account_patients", "appointments_keep_first_visits", "booking_patient_id", "dequeue_job", "enqueue_job", "enqueue_mail", "job_queue_stats", "link_account_patients", "redact_patient_audit"]);
    for (const f of functions) {
      expect(f.config, f.name).toContainEqual(expect.stringMatching(/^search_path=/));
      expect({ super: f.super, bypass: f.bypass, publicExecute: f.publicExecute, appExecute: f.appExecute }, f.name).toEqual({
        super: false,
        bypass: false,
        publicExecute: false,
        // Only its triggers run a trigger function (PostgreSQL refuses a direct call): no grant at all.
        appExecute: !f.trigger,
      });
    }
  });
});

describe("the catalog check itself", () => {
  it("fails when someone adds a tenant table without forced RLS and its policy", async () => {
    const urls = await createFreshDatabase("catalog_probe");
    const owner = postgres(urls.adminUrl, { max: 1, onnotice: () => undefined });
    try {
      expect(await isolationGaps(owner)).toEqual([]);
      await owner`create table notes_without_policy (id uuid primary key, clinic_id uuid not null)`;
      await owner`create table notes_not_forced (id uuid primary key, clinic_id uuid not null)`;
      await owner`alter table notes_not_forced enable row level security`;
      await owner`create policy tenant_isolation on notes_not_forced using (clinic_id = (select nullif(current_setting('app.clinic_id', true), '')::uuid)) with check (clinic_id = (select nullif(current_setting('app.clinic_id', true), '')::uuid))`;
      await owner`create policy peek on patients for select using (true)`;
      await owner`create table global_without_rls (id uuid primary key)`;
      expect(await isolationGaps(owner)).toEqual([
        "global_without_rls: global table without forced row-level security",
        "notes_not_forced: row-level security is not forced",
        "notes_without_policy: row-level security is not enabled",
        "notes_without_policy: row-level security is not forced",
        "notes_without_policy: no tenant_isolation policy",
        "patients: unexpected policy peek (SELECT, PERMISSIVE)",
      ]);
      // The allowed restrictive policy, turned permissive, would widen instead of narrow.
      await owner`drop policy peek on patients`;
      await owner`drop policy patients_hidden_from_public on patients`;
      await owner`create policy patients_hidden_from_public on patients as permissive for all to frontdesk_app using (true) with check (true)`;
      expect(await isolationGaps(owner)).toContain("patients: unexpected policy patients_hidden_from_public (ALL, PERMISSIVE)");
    } finally {
      await owner.end();
    }
  });
});
