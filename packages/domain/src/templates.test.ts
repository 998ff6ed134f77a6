import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "./failure";
import { templateTextInput } from "./schemas/templates";
import { defaultTemplate, renderTemplate, renderTemplateHtml, SAMPLE_TEMPLATE_VALUES, TEMPLATE_CHANNELS, TEMPLATE_KINDS, templateLocale, templateProblems } from "./templates";

describe("templates", () => {
  it("fill each {{variable}} with its value, spaces inside the braces allowed", () => {
    expect(renderTemplate("Hi {{patient.firstName}}, see you {{ appointment.start }}.", { "patient.firstName": "Alex", "appointment.start": "Tue 10:30" })).toBe("Hi Alex, see you Tue 10:30.");
  });

  it("insert values as text: a value that looks like a variable or markup stays as it is", () => {
    expect(renderTemplate("{{patient.firstName}}", { "patient.firstName": "{{links.manage}} <b>" })).toBe("{{links.manage}} <b>");
  });

  it("escape the staff's text and the values alike in HTML", () => {
    expect(renderTemplateHtml("<script>x</script> {{patient.firstName}}\nBye", { "patient.firstName": "<img src=x onerror=alert(1)>" })).toBe(
      "&lt;script&gt;x&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;<br>\nBye",
    );
  });

  it("name unknown variables and stray braces", () => {
    expect(templateProblems("reminder", "{{links.confirm}} {{patient.lastName}} {{patient.email}}")).toEqual([
      "Unknown variables {{patient.lastName}}, {{patient.email}}: use one of the listed variables",
    ]);
    expect(templateProblems("confirmation", "{{links.confirm}}")).toEqual(["Unknown variable {{links.confirm}}: use one of the listed variables"]);
    expect(templateProblems("confirmation", "Hello {{patient.firstName}")).toEqual(["Unmatched {{ or }}: write variables as {{name}}"]);
    expect(templateProblems("confirmation", "{{{patient.firstName}}}")).toEqual(["Unmatched {{ or }}: write variables as {{name}}"]);
    expect(templateProblems("confirmation", "{{}}")).toEqual(["Unknown variable {{}}: use one of the listed variables"]);
    expect(templateProblems("confirmation", "Plain text with { single } braces")).toEqual([]);
  });

  it("ship defaults that use only their kind's variables, in English and French", () => {
    for (const locale of ["en", "fr"]) {
      for (const kind of TEMPLATE_KINDS) {
        for (const channel of TEMPLATE_CHANNELS) {
          const { subject, body } = defaultTemplate(kind, channel, locale);
          expect([...templateProblems(kind, subject), ...templateProblems(kind, body)], `${locale} ${kind} ${channel}`).toEqual([]);
          expect(renderTemplate(body, SAMPLE_TEMPLATE_VALUES)).not.toContain("{{");
          expect(templateTextInput.safeParse({ kind, channel, subject, body }).success).toBe(true);
        }
      }
    }
    expect(defaultTemplate("reminder", "email", "fr-CA").subject).toMatch(/^Rappel/);
    expect(templateLocale("de-DE")).toBe("en");
  });

  it("are refused at save with a message on the field that is wrong", () => {
    const result = templateTextInput.safeParse({ kind: "confirmation", channel: "email", subject: "{{clinic.nom}}", body: "Hi {{patient.firstName}" });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({
      subject: ["Unknown variable {{clinic.nom}}: use one of the listed variables"],
      body: ["Unmatched {{ or }}: write variables as {{name}}"],
    });
    expect(fieldErrorsOf(templateTextInput.safeParse({ kind: "reminder", channel: "sms", subject: "Hi", body: "x" }).error!)).toEqual({ subject: ["Text messages have no subject"] });
    expect(fieldErrorsOf(templateTextInput.safeParse({ kind: "reminder", channel: "email", subject: "", body: "" }).error!)).toEqual({
      subject: ["Write a subject"],
      body: ["Write the message text"],
    });
    expect(templateTextInput.safeParse({ kind: "invoice", channel: "email", subject: "a", body: "b" }).success).toBe(false);
    expect(templateTextInput.safeParse({ kind: "reminder", channel: "email", subject: "a", body: "b\u0000" }).success).toBe(false);
  });
});
