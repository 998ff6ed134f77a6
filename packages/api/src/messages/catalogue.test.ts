// The message catalogues are complete and consistent: a translation that drops a key, a
// placeholder or the template rules fails here, not in a patient's inbox.
import { PATIENT_LANGUAGES, TEMPLATE_KINDS, templateProblems } from "@frontdesk/domain";
import { describe, expect, it } from "vitest";
import { defaultTemplate, renderMessage, type MessageVariables } from "../notifications/content";
import { CATALOGUES, messageLanguage } from ".";

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((m) => m[1]))].sort();
const english = CATALOGUES.en;

describe("the message catalogues", () => {
  it.each(PATIENT_LANGUAGES.filter((l) => l !== "en"))("%s has every English key and no other", (language) => {
    expect(Object.keys(CATALOGUES[language]).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(PATIENT_LANGUAGES.filter((l) => l !== "en"))("%s uses the same placeholders as English in every entry, and translates each", (language) => {
    for (const [key, text] of Object.entries(english)) {
      const translated = CATALOGUES[language][key as keyof typeof english];
      expect(placeholders(translated), `${language} ${key}`).toEqual(placeholders(text));
      expect(translated, `${language} ${key} is still English`).not.toBe(text);
    }
  });

  it.each(PATIENT_LANGUAGES)("%s: the built-in wording of every editable kind is a template the editor accepts", (language) => {
    for (const kind of TEMPLATE_KINDS) {
      for (const channel of ["email", "sms"] as const) {
        const template = defaultTemplate(kind, channel, language);
        expect([...templateProblems(kind, template.subject), ...templateProblems(kind, template.text)], `${language} ${kind} ${channel}`).toEqual([]);
      }
    }
  });
});

describe("which language a message speaks", () => {
  it("is the patient's page language, else the clinic's, else English", () => {
    expect(messageLanguage("fr-FR", "de")).toEqual({ language: "de", clinicLanguage: false });
    expect(messageLanguage("fr-FR", "fr")).toEqual({ language: "fr", clinicLanguage: true });
    expect(messageLanguage("es-ES", null)).toEqual({ language: "es", clinicLanguage: true });
    // A clinic in a language without a catalogue: English built-in wording, but its own templates (in its language) still apply.
    expect(messageLanguage("ja-JP", undefined)).toEqual({ language: "en", clinicLanguage: true });
    expect(messageLanguage("ja-JP", "en")).toEqual({ language: "en", clinicLanguage: false });
  });

  it("treats a stored language it has no catalogue for as none", () => {
    expect(messageLanguage("de-AT", "it")).toEqual({ language: "de", clinicLanguage: true });
    expect(messageLanguage("de-AT", "")).toEqual({ language: "de", clinicLanguage: true });
  });
});

describe("the short form (SMS and WhatsApp)", () => {
  const variables: MessageVariables = {
    clinicName: "Clínica Sol",
    clinicAddress: "",
    clinicPhone: "",
    patientName: "Ana",
    serviceName: "Consulta",
    practitionerName: "Dra. Ruiz",
    when: "martes, 12 de enero de 2027, 10:00–10:30 (Europe/Madrid)",
    previousWhen: "",
    manageUrl: "https://example.test/booking/m",
    confirmUrl: "https://example.test/confirm/c",
    optOutUrl: "https://example.test/opt-out/o",
    offerUrl: "",
    offerExpires: "",
  };

  it("speaks the patient's language, its opt-out included", () => {
    expect(renderMessage({ kind: "reminder", channel: "sms", variables, language: "es" }).text).toBe(
      "Clínica Sol: recordatorio, Consulta martes, 12 de enero de 2027, 10:00–10:30 (Europe/Madrid). Confirmar: https://example.test/confirm/c Cancelar: https://example.test/booking/m Baja: https://example.test/opt-out/o",
    );
    expect(renderMessage({ kind: "reminder", channel: "whatsapp", variables, language: "de" }).text).toMatch(/^Clínica Sol: Erinnerung, .* Abmelden: https:\/\/example\.test\/opt-out\/o$/);
  });
});
