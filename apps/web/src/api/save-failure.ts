// A refused save, in words for an admin. describeFailure (api/failure.ts) does the reading; for
// BAD_REQUEST the server's message is zod's raw report, so its per-field messages are shown instead.
import { describeFailure } from "./failure";

export function describeSaveFailure(error: unknown): string {
  const failure = describeFailure(error);
  if (failure.kind === "invalid") {
    const messages = [...new Set(Object.values(failure.fieldErrors).flat())];
    if (messages.length > 0) return messages.join(" ");
    // Rule errors (RuleError) carry a readable message; zod's unflattened report starts with "[".
    return failure.message.trimStart().startsWith("[") ? "The server refused these values. Check them and try again." : failure.message;
  }
  return failure.message;
}
