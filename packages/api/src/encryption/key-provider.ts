import { fromBase64, toBase64Url, utf8, type AesKey } from "./bytes";
import { MasterKeyUnavailableError } from "./errors";

/**
 * Wraps and unwraps clinics' data keys (ADR 0025). The master key stays behind this interface, so
 * a KMS (AWS KMS Encrypt/Decrypt with the context as its encryption context, Vault transit, …)
 * can replace the environment's key without touching the code that encrypts data.
 */
export interface KeyProvider {
  /** The master key new and re-wrapped data keys are wrapped with. */
  currentKeyId(): Promise<string>;
  /** `context` is bound to the result: the same bytes under another context do not unwrap. */
  wrap(dataKey: Uint8Array<ArrayBuffer>, context: string): Promise<{ masterKeyId: string; wrapped: string }>;
  /** Throws MasterKeyUnavailableError when `masterKeyId` is not configured or the wrapped key does not open. */
  unwrap(masterKeyId: string, wrapped: string, context: string): Promise<Uint8Array<ArrayBuffer>>;
}

const NONCE_BYTES = 12;

/** A master key must be 32 random bytes, base64: `openssl rand -base64 32`. Null when `text` is not. */
export function parseMasterKey(text: string): Uint8Array<ArrayBuffer> | null {
  const bytes = fromBase64(text.trim());
  return bytes && bytes.length === 32 ? bytes : null;
}

/**
 * A key's id is derived from the key, so a row can name the key that wrapped it without the
 * database learning anything, and a wrong key can never pass for the right one under its name.
 */
async function masterKeyIdOf(raw: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new Uint8Array([...utf8("frontdesk master key id\0"), ...raw])));
  return `mk1-${toBase64Url(digest.slice(0, 9))}`;
}

/**
 * Master keys from the environment: `current` wraps, `previous` keys (during a rotation) only
 * unwrap, until `reencrypt --rewrap` has moved every data key to the current one.
 */
export function environmentKeyProvider(current: Uint8Array<ArrayBuffer>, previous: readonly Uint8Array<ArrayBuffer>[] = []): KeyProvider {
  const load = async (raw: Uint8Array<ArrayBuffer>) => ({
    id: await masterKeyIdOf(raw),
    key: await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]),
  });
  let loaded: Promise<Array<{ id: string; key: AesKey }>> | undefined;
  const keys = () => (loaded ??= Promise.all([current, ...previous].map(load)));
  return {
    currentKeyId: async () => (await keys())[0]!.id,
    async wrap(dataKey, context) {
      const [{ id, key }] = (await keys()) as [{ id: string; key: AesKey }];
      const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
      const body = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv: nonce, additionalData: utf8(context) }, key, dataKey));
      return { masterKeyId: id, wrapped: `${toBase64Url(nonce)}.${toBase64Url(body)}` };
    },
    async unwrap(masterKeyId, wrapped, context) {
      const match = (await keys()).find((k) => k.id === masterKeyId);
      if (!match) {
        throw new MasterKeyUnavailableError(
          `A data key is wrapped by master key ${masterKeyId}, which is not configured (MASTER_KEY, or MASTER_KEY_PREVIOUS during a rotation)`,
        );
      }
      const [nonce, body] = wrapped.split(".").map(fromBase64);
      if (!nonce || !body || nonce.length !== NONCE_BYTES) throw new MasterKeyUnavailableError(`A data key wrapped by ${masterKeyId} is malformed`);
      try {
        return new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv: nonce, additionalData: utf8(context) }, match.key, body));
      } catch {
        throw new MasterKeyUnavailableError(`A data key did not open with master key ${masterKeyId}: the row was altered or moved`);
      }
    },
  };
}
