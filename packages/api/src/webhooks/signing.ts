// Standard Webhooks signatures (https://www.standardwebhooks.com, ADR 0023), with WebCrypto only so
// the edge runtime can use it too. A secret is "whsec_" + base64 of 32 random bytes; a delivery is
// signed as HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<body>") and sent as "v1,<base64>".

const SECRET_PREFIX = "whsec_";

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** A new signing secret, in the format receivers' libraries expect. */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(32)));
}

async function signOne(secret: string, content: Uint8Array<ArrayBuffer>): Promise<string> {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error("webhook secret without its whsec_ prefix");
  const key = await crypto.subtle.importKey("raw", fromBase64(secret.slice(SECRET_PREFIX.length)), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return `v1,${toBase64(new Uint8Array(await crypto.subtle.sign("HMAC", key, content)))}`;
}

export interface SignedHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

/**
 * The three headers of one attempt. Several secrets (during a rotation's overlap) give several
 * signatures, space-separated: a receiver that knows either secret accepts the delivery.
 */
export async function signWebhook(message: { id: string; timestamp: Date; body: string; secrets: readonly string[] }): Promise<SignedHeaders> {
  const seconds = String(Math.floor(message.timestamp.getTime() / 1000));
  const content = new TextEncoder().encode(`${message.id}.${seconds}.${message.body}`);
  const signatures = await Promise.all(message.secrets.map((secret) => signOne(secret, content)));
  return { "webhook-id": message.id, "webhook-timestamp": seconds, "webhook-signature": signatures.join(" ") };
}
