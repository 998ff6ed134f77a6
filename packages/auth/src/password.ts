// Password rules and the hashing interface. The hasher is injected so that the Node server uses
// native argon2 ("@frontdesk/auth/argon2") while edge builds and tests never import a native addon.
import { constantTimeStringEqual, normalizeEmail, sha256Hex } from "./crypto";

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a hash it cannot read; never throws for either. */
  verify(hash: string, password: string): Promise<boolean>;
}

export const PASSWORD_MIN_LENGTH = 10;
// Bounds the work a sign-in request can ask the hasher to do.
export const PASSWORD_MAX_LENGTH = 256;

/** Null when the password is acceptable; otherwise a sentence to show the user. Lengths count characters, not bytes. */
export function passwordProblem(password: string, email: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (normalizeEmail(password) === normalizeEmail(email)) return "Your password must not be your e-mail address.";
  return null;
}

const TEST_PREFIX = "test$";

/**
 * FOR TESTS ONLY: a fast, unsalted SHA-256 "hasher" so that other packages' test suites do not
 * spend argon2's time and memory on every sign-up. Never wire it into a server: its hashes fall
 * to a dictionary attack in seconds.
 */
export function createInsecureTestHasher(): PasswordHasher {
  return {
    hash(password) {
      return Promise.resolve(TEST_PREFIX + sha256Hex(password));
    },
    verify(hash, password) {
      return Promise.resolve(constantTimeStringEqual(hash, TEST_PREFIX + sha256Hex(password)));
    },
  };
}
