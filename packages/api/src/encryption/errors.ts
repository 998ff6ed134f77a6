// Encryption failures are never a user's mistake: they surface as a 500 and a log line naming the
// class (never the value), so an operator sees at once which key is missing or which row is bad.

/** The master key that wrapped a clinic's data key is not configured, or is not the right key. */
export class MasterKeyUnavailableError extends Error {
  override name = "MasterKeyUnavailableError";
}

/** A stored value is not ciphertext this clinic's keys made for this row and field. */
export class CiphertextRejectedError extends Error {
  override name = "CiphertextRejectedError";
}
