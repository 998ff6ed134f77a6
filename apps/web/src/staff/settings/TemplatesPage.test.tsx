import { describe, expect, it } from "vitest";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { calendarDay } from "../../test/staff-fixtures";
import { procedure } from "../../test/trpc";
import { settingsWorld } from "./test-fixtures";
import { callsOf } from "./test-trpc";
import type { MessageTemplateEntry } from "./types";

const confirmation: MessageTemplateEntry = {
  kind: "confirmation",
  channel: "email",
  locale: "fr",
  subject: "Booked: {{serviceName}}",
  text: "See you {{when}}.",
  custom: false,
  default: { subject: "Booked: {{serviceName}}", text: "See you {{when}}." },
  variables: ["clinicName", "patientName", "serviceName", "when", "manageUrl", "optOutUrl"],
};
const reminderSms: MessageTemplateEntry = { ...confirmation, kind: "reminder", channel: "sms", subject: "", text: "Tomorrow {{when}}", default: { subject: "", text: "Tomorrow {{when}}" }, variables: ["when", "confirmUrl"] };

function world(list: MessageTemplateEntry[]) {
  return [...settingsWorld("admin"), procedure("calendar.range", () => calendarDay()), procedure("clinic.templates.list", () => list)];
}

describe("the message templates", () => {
  it("name an unknown variable at the field before anything is sent", async () => {
    const saves = callsOf("clinic.templates.save", (input) => ({ ...input, locale: "fr", custom: true }));
    server.use(...world([confirmation, reminderSms]), saves.handler);
    const { screen, user } = renderApp("/app/settings/templates");
    const text = await screen.findByLabelText("Text");
    await user.clear(text);
    await user.type(text, "Hello {{{{patientEmail}}");
    await user.click(screen.getByRole("button", { name: "Save template" }));
    expect(await screen.findByText("Unknown variable {{patientEmail}}: use one of the listed variables")).toBeInTheDocument();
    expect(text).toHaveAttribute("aria-invalid", "true");
    expect(saves.calls).toEqual([]);
  });

  it("save the clinic's wording, preview it with sample values, and list the variables of the message", async () => {
    const saves = callsOf("clinic.templates.save", (input) => ({ ...input, locale: "fr", custom: true }));
    const previews = callsOf("clinic.templates.preview", () => ({ subject: "Booked: Consultation", text: "<b>See you</b> Tuesday 14 March" }));
    server.use(...world([confirmation, reminderSms]), saves.handler, previews.handler);
    const { screen, user } = renderApp("/app/settings/templates");
    const text = await screen.findByLabelText("Text");
    expect(screen.getByRole("list", { name: "Variables you can use" })).toHaveTextContent("{{manageUrl}}");
    await user.clear(text);
    await user.type(text, "<b>See you</b> {{{{when}}");
    await user.click(screen.getByRole("button", { name: "Preview" }));
    const preview = await screen.findByRole("region", { name: "Preview" });
    // Shown as text, never as markup.
    expect(preview).toHaveTextContent("<b>See you</b> Tuesday 14 March");
    expect(preview.querySelector("b")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Save template" }));
    expect(await screen.findByText("Template saved")).toBeInTheDocument();
    expect(saves.calls).toEqual([{ kind: "confirmation", channel: "email", subject: "Booked: {{serviceName}}", text: "<b>See you</b> {{when}}" }]);
  });

  it("edit the text message without a subject, and reset a custom one to the default", async () => {
    const custom = { ...reminderSms, custom: true, text: "Our own words {{when}}" };
    const resets = callsOf("clinic.templates.reset", () => ({ kind: "reminder" as const, channel: "sms" as const, locale: "fr", subject: "", text: "Tomorrow {{when}}", custom: false }));
    server.use(...world([confirmation, custom]), resets.handler);
    const { screen, user } = renderApp("/app/settings/templates");
    await user.selectOptions(await screen.findByLabelText("Message"), "reminder/sms");
    expect(screen.queryByLabelText("Subject")).not.toBeInTheDocument();
    expect(screen.getByLabelText("Text")).toHaveValue("Our own words {{when}}");
    await user.click(screen.getByRole("button", { name: "Reset to default" }));
    expect(await screen.findByText("Back to the built-in wording")).toBeInTheDocument();
    expect(screen.getByLabelText("Text")).toHaveValue("Tomorrow {{when}}");
    expect(resets.calls).toEqual([{ kind: "reminder", channel: "sms" }]);
  });
});
