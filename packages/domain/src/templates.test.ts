import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "./failure";
import { templateTextInput } from "./schemas/templates";
import { TEMPLATE_KINDS, TEMPLATE_VARIABLE_HINTS, TEMPLATE_VARIABLES, templateLocale, templateProblems } from "./templates";

describe("templates", () => {
  it("accept the kind's own variables, spaces inside the braces allowed", () => {
    expect(templateProblems("reminder", "Hi {{patientName}}, {{ when }}. Confirm: {{confirmUrl}}")).toEqual([]);
    expect(templateProblems("confirmation", "Plain text with { single } braces")).toEqual([]);
  });

  it("name unknown variables, another kind's variables, and stray braces", () => {
    expect(templateProblems("reminder", "{{confirmUrl}} {{patientEmail}} {{patient.phone}}")).toEqual([
      "Unknown variables {{patientEmail}}, {{patient.phone}}: use one of the listed variables",
    ]);
    expect(templateProblems("confirmation", "{{confirmUrl}}")).toEqual(["Unknown variable {{confirmUrl}}: use one of the listed variables"]);
    expect(templateProblems("cancelled", "{{manageUrl}}")).toEqual(["Unknown variable {{manageUrl}}: use one of the listed variables"]);
    expect(templateProblems("confirmation", "Hello {{patientName}")).toEqual(["Unmatched {{ or }}: write variables as {{name}}"]);
    expect(templateProblems("confirmation", "{{{patientName}}}")).toEqual(["Unmatched {{ or }}: write variables as {{name}}"]);
    expect(templateProblems("confirmation", "{{}}")).toEqual(["Unknown variable {{}}: use one of the listed variables"]);
  });

  it("describe every variable they offer", () => {
    for (const kind of TEMPLATE_KINDS) for (const name of TEMPLATE_VARIABLES[kind]) expect(TEMPLATE_VARIABLE_HINTS[name]).toBeTruthy();
  });

  it("are kept per language", () => {
    expect(templateLocale("fr-CA")).toBe("fr");
    expect(templateLocale("en")).toBe("en");
    expect(templateLocale("")).toBe("en");
  });

  it("are refused at save with a message on the field that is wrong", () => {
    const result = templateTextInput.safeParse({ kind: "confirmation", channel: "email", subject: "{{clinicNom}}", text: "Hi {{patientName}" });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({
      subject: ["Unknown variable {{clinicNom}}: use one of the listed variables"],
      text: ["Unmatched {{ or }}: write variables as {{name}}"],
    });
    expect(fieldErrorsOf(templateTextInput.safeParse({ kind: "reminder", channel: "sms", subject: "Hi", text: "x" }).error!)).toEqual({ subject: ["Text messages have no subject"] });
    expect(fieldErrorsOf(templateTextInput.safeParse({ kind: "reminder", channel: "email", subject: "", text: "" }).error!)).toEqual({
      subject: ["Write a subject"],
      text: ["Write the message text"],
    });
    expect(templateTextInput.safeParse({ kind: "invoice", channel: "email", subject: "a", text: "b" }).success).toBe(false);
    expect(templateTextInput.safeParse({ kind: "reminder", channel: "email", subject: "a", text: "b\u0000" }).success).toBe(false);
  });
});
