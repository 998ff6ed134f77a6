import type { Transaction } from "@frontdesk/db";
import { clinicDataKeys } from "@frontdesk/db/schema";
import { and, eq, isNull } from "drizzle-orm";
import { fromBase64, toBase64Url, utf8, type AesKey } from "./bytes";
import { CiphertextRejectedError } from "./errors";
import { fieldLabel, type EncryptedField } from "./fields";
import type { KeyProvider } from "./key-provider";

/**
 * Stored form of an encrypted value: `fdx1.<data key id>.<nonce>.<ciphertext and tag>` (base64url).
 * The version leads so that a later format can be read beside this one.
 */
const FORMAT = "fdx1";
const NONCE_BYTES = 12;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isCiphertext = (stored: string) => stored.startsWith(`${FORMAT}.`);

/**
 * What the ciphertext is bound to: a value copied to another row, column or clinic, or relabelled
 * with another key id, fails to open instead of showing up where it does not belong.
 */
const boundTo = (clinicId: string, keyId: string, field: EncryptedField, rowId: string) => utf8(`${FORMAT}|${clinicId}|${fieldLabel(field)}|${rowId}|${keyId}`);

/** What a wrapped data key is bound to: it unwraps only as this clinic's key with this id. */
export const dataKeyContext = (clinicId: string, dataKeyId: string) => `frontdesk data key|${clinicId}|${dataKeyId}`;

/** Encrypts and decrypts one clinic's fields, inside that clinic's transaction. */
export interface ClinicCipher {
  seal(field: EncryptedField, rowId: string, plaintext: string): Promise<string>;
  seal(field: EncryptedField, rowId: string, plaintext: string | null): Promise<string | null>;
  open(field: EncryptedField, rowId: string, stored: string): Promise<string>;
  open(field: EncryptedField, rowId: string, stored: string | null): Promise<string | null>;
}

export interface Vault {
  readonly keys: KeyProvider;
  forClinic(tx: Transaction, clinicId: string): ClinicCipher;
}

/**
 * Data keys are unwrapped once per process and kept (bounded): unwrapping costs a master-key
 * operation, a KMS round trip later. Keyed by clinic and key id; a key's bytes never change
 * (re-wrapping changes only how it is stored), so a cached key is never stale.
 */
export function createVault(keys: KeyProvider, { cacheSize = 1000 } = {}): Vault {
  const cache = new Map<string, Promise<AesKey>>();
  const remember = (cacheKey: string, load: () => Promise<AesKey>) => {
    const hit = cache.get(cacheKey);
    if (hit) return hit;
    const loading = load();
    // A failed unwrap is not kept: the next request tries again (a key may have been configured).
    loading.catch(() => cache.delete(cacheKey));
    if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
    cache.set(cacheKey, loading);
    return loading;
  };
  const importKey = (raw: Uint8Array<ArrayBuffer>) => crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);

  function forClinic(tx: Transaction, clinicId: string): ClinicCipher {
    const keyById = (keyId: string) =>
      remember(`${clinicId}/${keyId}`, async () => {
        const [row] = await tx
          .select({ wrappedKey: clinicDataKeys.wrappedKey, masterKeyId: clinicDataKeys.masterKeyId })
          .from(clinicDataKeys)
          .where(and(eq(clinicDataKeys.clinicId, clinicId), eq(clinicDataKeys.id, keyId)));
        if (!row) throw new CiphertextRejectedError(`A value names data key ${keyId}, which this clinic does not have`);
        return importKey(await keys.unwrap(row.masterKeyId, row.wrappedKey, dataKeyContext(clinicId, keyId)));
      });

    let active: Promise<{ id: string; key: AesKey }> | undefined;
    const activeKey = () => (active ??= loadOrCreateActive());
    async function loadOrCreateActive() {
      const current = () => tx.select({ id: clinicDataKeys.id }).from(clinicDataKeys).where(and(eq(clinicDataKeys.clinicId, clinicId), isNull(clinicDataKeys.retiredAt)));
      let [row] = await current();
      if (!row) {
        const id = crypto.randomUUID();
        const raw = crypto.getRandomValues(new Uint8Array(32));
        const { masterKeyId, wrapped } = await keys.wrap(raw, dataKeyContext(clinicId, id));
        // Two transactions creating the clinic's first key at once: the unique index keeps one.
        await tx.insert(clinicDataKeys).values({ id, clinicId, wrappedKey: wrapped, masterKeyId }).onConflictDoNothing();
        [row] = await current();
      }
      return { id: row!.id, key: await keyById(row!.id) };
    }

    async function seal(field: EncryptedField, rowId: string, plaintext: string | null) {
      if (plaintext === null) return null;
      const { id, key } = await activeKey();
      const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
      const body = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv: nonce, additionalData: boundTo(clinicId, id, field, rowId) }, key, utf8(plaintext)));
      return `${FORMAT}.${id}.${toBase64Url(nonce)}.${toBase64Url(body)}`;
    }

    async function open(field: EncryptedField, rowId: string, stored: string | null) {
      if (stored === null) return null;
      const [format, keyId, nonceText, bodyText, ...rest] = stored.split(".");
      const nonce = fromBase64(nonceText ?? "");
      const body = fromBase64(bodyText ?? "");
      if (format !== FORMAT || !keyId || !UUID.test(keyId) || !nonce || nonce.length !== NONCE_BYTES || !body || rest.length > 0) {
        throw new CiphertextRejectedError(`${fieldLabel(field)} of a row holds a value that is not ciphertext`);
      }
      const key = await keyById(keyId);
      try {
        const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: nonce, additionalData: boundTo(clinicId, keyId, field, rowId) }, key, body);
        return new TextDecoder("utf-8", { fatal: true }).decode(plain);
      } catch {
        throw new CiphertextRejectedError(`${fieldLabel(field)} of a row did not decrypt: it was altered or moved from another row`);
      }
    }

    return { seal, open } as ClinicCipher;
  }

  return { keys, forClinic };
}
