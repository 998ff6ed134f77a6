// base64url without padding, on web-standard APIs only (btoa/atob), so the edge runs it too.
export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Accepts base64 and base64url, padded or not; null when `text` is neither. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, ""));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** WebCrypto's key type, named without the DOM library. */
export type AesKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;
