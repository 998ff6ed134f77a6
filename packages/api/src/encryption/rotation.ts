// Key rotation (ADR 0025, docs/operations.md "Encryption keys"). Both run per clinic, inside that
// clinic's transaction, so row-level security applies to them like to any request.
import { withTenant, type Database, type Transaction } from "@frontdesk/db";
import { clinicDataKeys, clinics } from "@frontdesk/db/schema";
import { and, eq, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { ENCRYPTED } from "./fields";
import type { KeyProvider } from "./key-provider";
import { dataKeyContext, isCiphertext, type Vault } from "./vault";

/** Re-wraps the clinic's data keys under the current master key; the data is not touched. Returns how many moved. */
export async function rewrapDataKeys(tx: Transaction, clinicId: string, keys: KeyProvider): Promise<number> {
  const current = await keys.currentKeyId();
  const stale = await tx
    .select()
    .from(clinicDataKeys)
    .where(and(eq(clinicDataKeys.clinicId, clinicId), ne(clinicDataKeys.masterKeyId, current)))
    .for("update");
  for (const row of stale) {
    const context = dataKeyContext(clinicId, row.id);
    const { masterKeyId, wrapped } = await keys.wrap(await keys.unwrap(row.masterKeyId, row.wrappedKey, context), context);
    await tx.update(clinicDataKeys).set({ masterKeyId, wrappedKey: wrapped }).where(and(eq(clinicDataKeys.clinicId, clinicId), eq(clinicDataKeys.id, row.id)));
  }
  return stale.length;
}

/**
 * Moves every encrypted value of the clinic to a new data key and deletes the old keys: the
 * answer to a data key that may have leaked. A value written before encryption existed (plain
 * text, no format prefix) is encrypted on the way. Returns how many values were rewritten.
 */
export async function reencryptClinic(tx: Transaction, clinicId: string, vault: Vault, now: Date): Promise<number> {
  const old = vault.forClinic(tx, clinicId);
  // Signed clinical notes are final (trigger, ADR 0026) except for this: the same content under a new key.
  await tx.execute(sql`select set_config('app.reencrypting', 'on', true)`);
  await tx.update(clinicDataKeys).set({ retiredAt: now }).where(and(eq(clinicDataKeys.clinicId, clinicId), isNull(clinicDataKeys.retiredAt)));
  // A fresh cipher: it creates the clinic's new active key on its first seal.
  const fresh = vault.forClinic(tx, clinicId);
  let rewritten = 0;
  for (const field of Object.values(ENCRYPTED)) {
    const rows = await tx.execute<{ id: string; value: string }>(
      sql`select ${field.id} as id, ${field.column} as value from ${field.table} where ${field.clinicId} = ${clinicId} and ${field.column} is not null for update`,
    );
    for (const row of rows) {
      const plain = isCiphertext(row.value) ? await old.open(field, row.id, row.value) : row.value;
      const sealed = await fresh.seal(field, row.id, plain);
      await tx.execute(sql`update ${field.table} set ${sql.identifier(field.column.name)} = ${sealed} where ${field.clinicId} = ${clinicId} and ${field.id} = ${row.id}`);
      rewritten += 1;
    }
  }
  await tx.delete(clinicDataKeys).where(and(eq(clinicDataKeys.clinicId, clinicId), isNotNull(clinicDataKeys.retiredAt)));
  return rewritten;
}

/** `pnpm keys rewrap`: every clinic's data keys under the current master key, one transaction per clinic. */
export async function rewrapAllClinics(db: Database, vault: Vault): Promise<{ clinics: number; rewrapped: number }> {
  const all = await db.select({ id: clinics.id }).from(clinics);
  let rewrapped = 0;
  for (const clinic of all) {
    rewrapped += await withTenant(db, { clinicId: clinic.id, userId: null, role: "owner" }, (tx) => rewrapDataKeys(tx, clinic.id, vault.keys));
  }
  return { clinics: all.length, rewrapped };
}

/** `pnpm keys reencrypt <slug>`: one clinic's data under a new data key, in one transaction. Null when no clinic has that slug. */
export async function reencryptClinicBySlug(db: Database, vault: Vault, slug: string, now: Date): Promise<number | null> {
  const [clinic] = await db.select({ id: clinics.id }).from(clinics).where(eq(clinics.slug, slug));
  if (!clinic) return null;
  return withTenant(db, { clinicId: clinic.id, userId: null, role: "owner" }, (tx) => reencryptClinic(tx, clinic.id, vault, now));
}
