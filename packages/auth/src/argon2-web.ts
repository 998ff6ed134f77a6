// argon2id in plain JavaScript, for runtimes without native addons (edge). Same parameters and the
// same PHC string format as the native hasher, so a hash made by either verifies with the other.
// About 15x slower than native (see ../shared/STACK.md): the Node server uses the native one.
import { argon2idAsync } from "@noble/hashes/argon2.js";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeBase64IgnorePadding, encodeBase64NoPadding } from "@oslojs/encoding";
import type { PasswordHasher } from "./password";

const PARAMS = { m: 19456, t: 2, p: 1 } as const;
const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

export const webArgon2Hasher: PasswordHasher = {
  async hash(password) {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const key = await argon2idAsync(password, salt, { ...PARAMS, dkLen: 32 });
    return `$argon2id$v=19$m=${PARAMS.m},t=${PARAMS.t},p=${PARAMS.p}$${encodeBase64NoPadding(salt)}$${encodeBase64NoPadding(key)}`;
  },
  async verify(hash, password) {
    const match = PHC.exec(hash);
    if (!match) return false;
    const [, m, t, p, salt, expected] = match;
    const wanted = decodeBase64IgnorePadding(expected!);
    const key = await argon2idAsync(password, decodeBase64IgnorePadding(salt!), {
      m: Number(m),
      t: Number(t),
      p: Number(p),
      dkLen: wanted.length,
    });
    return constantTimeEqual(key, wanted);
  },
};
