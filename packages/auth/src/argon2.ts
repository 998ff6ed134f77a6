// Node only (native addon): the production password hasher. Import it as "@frontdesk/auth/argon2"
// from Node entry points; edge builds must never reach this file.
import { hash, verify } from "@node-rs/argon2";
import type { PasswordHasher } from "./password";

/** OWASP's minimum for argon2id: 19 MiB, 2 passes, 1 lane. @node-rs/argon2's default algorithm is argon2id. */
export const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const argon2Hasher: PasswordHasher = {
  hash(password) {
    return hash(password, ARGON2_OPTIONS);
  },
  async verify(storedHash, password) {
    try {
      return await verify(storedHash, password);
    } catch {
      // A malformed or foreign hash is a failed sign-in, not a server error.
      return false;
    }
  },
};
