// A refused code (sign-up code, sign-in code, authenticator or recovery code), in words. The
// server words these itself ("That code is not right", "Try again in 2 minutes.").
import { TRPCClientError } from "@trpc/client";
import { describeFailure } from "../../api/failure";

export function describeCodeFailure(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const code = (error.data as { code?: string } | undefined)?.code;
    if (code === "UNAUTHORIZED" || code === "TOO_MANY_REQUESTS") return error.message;
    if (code === "BAD_REQUEST") return "Enter the code exactly as you received it.";
  }
  return describeFailure(error).message;
}
