// patients.erase: the patient's right to erasure (ADR 0038). Anonymises the record for good,
// refused with the reason while the clinic's legal retention period applies. Audited.
import { erasePatientInput } from "@frontdesk/domain";
import { erasePatient } from "../../data-rights/erase";
import { procedure } from "../../trpc";

export const erase = procedure("patients.erase")
  .input(erasePatientInput)
  .mutation(async ({ ctx, input }) => {
    const { tx, clinicId, userId, apiKeyId } = ctx.staff;
    const kept = await erasePatient(tx, {
      clinicId,
      patientId: input.patientId,
      now: ctx.deps.clock.now(),
      actor: { userId, kind: apiKeyId ? "api_key" : "user", apiKeyId },
      requestId: ctx.requestId,
      reason: "request",
    });
    return { patientId: input.patientId, ...kept };
  });
