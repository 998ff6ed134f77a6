// A failed request in the patient's language. The server words its refusals in English for staff
// and API callers; a patient page shows its own catalogue's sentence for each kind of failure.
import type { TFunction } from "i18next";
import type { Failure } from "../api/failure";

export function patientFailureMessage(failure: Failure, t: TFunction): string {
  switch (failure.kind) {
    case "network":
      return t("failure.network");
    case "rate-limited":
      return t("failure.rateLimited");
    case "refused":
      return t("failure.refused");
    case "not-found":
      return t("failure.notFound");
    case "invalid":
      return t("failure.invalid");
    case "server":
      return failure.reference ? t("failure.serverReference", { reference: failure.reference }) : t("failure.server");
    case "conflict":
      return t("failure.server");
  }
}
