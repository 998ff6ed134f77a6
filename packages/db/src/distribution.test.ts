// The schema stays ready to be sharded by clinic (docs/scaling.md, Citus): a distributed table's
// keys, unique and exclusion constraints can only be enforced shard by shard if they include the
// distribution column, and foreign keys only hold within a shard or towards a table copied to
// every node. Proven from the catalog, so that a new table has to be classified to pass.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, inject, it } from "vitest";
import postgres from "postgres";

/**
 * Global tables: not sharded by clinic but copied to every node (Citus reference tables). Small or
 * keyed by the person rather than the clinic; a clinic's rows reference them, never the reverse.
 */
export const REFERENCE_TABLES = [
  "auth_throttle",
  // The tenants themselves: a few hundred rows, read by every request and referenced by sessions.
  "clinics",
  "login_codes",
  "mfa_recovery_codes",
  "password_resets",
  "rate_limits",
  "remembered_devices",
  "security_events",
  "sessions",
  "users",
];

/** Every way the catalog falls short of distribution by clinic_id, as sentences. */
export async function distributionGaps(sql: postgres.Sql | postgres.TransactionSql): Promise<string[]> {
  const gaps: string[] = [];
  const tables = await sql<{ table: string; tenant: boolean }[]>`
    select c.relname as table,
           exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'clinic_id' and not a.attisdropped) as tenant
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
     order by 1`;
  const tenant = new Set(tables.filter((t) => t.tenant).map((t) => t.table));
  const reference = new Set(REFERENCE_TABLES);
  for (const { table, tenant: hasClinic } of tables) {
    if (hasClinic && reference.has(table)) gaps.push(`${table}: listed as a reference table but has a clinic_id`);
    if (!hasClinic && !reference.has(table)) gaps.push(`${table}: neither a tenant table (clinic_id) nor a listed reference table`);
  }
  for (const name of REFERENCE_TABLES) if (!tables.some((t) => t.table === name)) gaps.push(`${name}: listed as a reference table but does not exist`);

  // Primary keys, unique constraints and unique indexes: does clinic_id appear among the key columns?
  const keys = await sql<{ table: string; name: string; primary: boolean; hasClinic: boolean }[]>`
    select c.relname as table, ic.relname as name, i.indisprimary as primary,
           exists (select 1 from unnest(i.indkey[0:i.indnkeyatts - 1]) k
                     join pg_attribute a on a.attrelid = c.oid and a.attnum = k where a.attname = 'clinic_id') as "hasClinic"
      from pg_index i join pg_class c on c.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and (i.indisunique or i.indisprimary)
     order by 1, 2`;
  for (const table of tenant) {
    if (!keys.some((k) => k.table === table && k.primary)) gaps.push(`${table}: no primary key`);
  }
  for (const key of keys.filter((k) => tenant.has(k.table) && !k.hasClinic)) {
    gaps.push(`${key.table}: ${key.primary ? "primary key" : "unique"} ${key.name} does not include clinic_id`);
  }

  const exclusions = await sql<{ table: string; name: string; definition: string }[]>`
    select c.relname as table, x.conname as name, pg_get_constraintdef(x.oid) as definition
      from pg_constraint x join pg_class c on c.oid = x.conrelid join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and x.contype = 'x' order by 1, 2`;
  for (const x of exclusions.filter((e) => tenant.has(e.table) && !/\bclinic_id WITH =/.test(e.definition))) {
    gaps.push(`${x.table}: exclusion constraint ${x.name} does not compare clinic_id with =`);
  }

  // Foreign keys: column pairs (from, to) as names.
  const foreignKeys = await sql<{ table: string; name: string; target: string; pairs: string[] }[]>`
    select c.relname as table, f.conname as name, t.relname as target,
           array(select fa.attname || '=' || ta.attname
                   from unnest(f.conkey, f.confkey) as k(fk, tk)
                   join pg_attribute fa on fa.attrelid = f.conrelid and fa.attnum = k.fk
                   join pg_attribute ta on ta.attrelid = f.confrelid and ta.attnum = k.tk) as pairs
      from pg_constraint f join pg_class c on c.oid = f.conrelid join pg_class t on t.oid = f.confrelid
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and f.contype = 'f' order by 1, 2`;
  for (const fk of foreignKeys) {
    if (tenant.has(fk.table) && tenant.has(fk.target) && !fk.pairs.includes("clinic_id=clinic_id")) {
      gaps.push(`${fk.table}: foreign key ${fk.name} to ${fk.target} does not match clinic_id with clinic_id`);
    }
    if (!tenant.has(fk.table) && tenant.has(fk.target)) {
      gaps.push(`${fk.table}: reference table with foreign key ${fk.name} to the tenant table ${fk.target}`);
    }
  }
  return gaps;
}

describe("the schema, sharded by clinic", () => {
  const sql = postgres(inject("database").adminUrl, { max: 1, onnotice: () => undefined });
  afterAll(() => sql.end());

  it("keys, constrains and references every tenant table by clinic, and lists every global table as a reference table", async () => {
    expect(await distributionGaps(sql)).toEqual([]);
  });

  it("lists in docs/scaling.md exactly the reference tables it checks", () => {
    // The operator copies the list from there to create_reference_table(): a table missing there
    // would be distributed, or left on the coordinator, by hand.
    const scaling = readFileSync(new URL("../../../docs/scaling.md", import.meta.url), "utf8");
    const paragraph = /^- Global tables are reference tables[\s\S]*?(?=^- )/m.exec(scaling)?.[0] ?? "";
    const documented = [...paragraph.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!);
    expect(documented.sort()).toEqual([...REFERENCE_TABLES].sort());
  });

  it("names what a table added without clinic_id in its keys gets wrong", async () => {
    // The probe tables live in a transaction that is rolled back.
    class RolledBack extends Error {}
    let found: string[] = [];
    await sql
      .begin(async (tx) => {
        await tx`create table probe_notes (id uuid primary key, clinic_id uuid not null, code text unique)`;
        await tx`create table probe_lookup (id uuid primary key, appointment_clinic uuid, appointment_id uuid)`;
        await tx`create table probe_slots (clinic_id uuid not null, practitioner_id uuid not null, during tstzrange, primary key (clinic_id, practitioner_id, during), exclude using gist (practitioner_id with =, during with &&))`;
        await tx`alter table probe_lookup add foreign key (appointment_clinic, appointment_id) references appointments (clinic_id, id)`;
        await tx`create table probe_wrong_pair (id uuid not null, clinic_id uuid not null, other_clinic uuid not null, practitioner_id uuid not null, primary key (clinic_id, id), constraint probe_wrong_pair_fk foreign key (other_clinic, practitioner_id) references practitioners (clinic_id, id))`;
        found = await distributionGaps(tx);
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    expect(found).toEqual([
      "probe_lookup: neither a tenant table (clinic_id) nor a listed reference table",
      "probe_notes: unique probe_notes_code_key does not include clinic_id",
      "probe_notes: primary key probe_notes_pkey does not include clinic_id",
      "probe_slots: exclusion constraint probe_slots_practitioner_id_during_excl does not compare clinic_id with =",
      "probe_lookup: reference table with foreign key probe_lookup_appointment_clinic_appointment_id_fkey to the tenant table appointments",
      "probe_wrong_pair: foreign key probe_wrong_pair_fk to practitioners does not match clinic_id with clinic_id",
    ]);
  });
});
