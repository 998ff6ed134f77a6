import type { IntakeQuestion } from "@frontdesk/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { activatePatientLanguage } from "../i18n/patient-i18n";
import { managedBooking } from "../test/fixtures";
import { renderApp } from "../test/render";
import { server } from "../test/server";
import { procedure, recorder, TrpcErrorAnswer } from "../test/trpc";

// The English catalogue ready before the first render, as the route loader has it in the app.
beforeAll(() => activatePatientLanguage("en"));

const TOKEN = "manage-token-0123456789";
const FORM_ID = "0b6f7c1e-2f4a-4c7e-9a51-3d2f1e8b9c10";

const questions: IntakeQuestion[] = [
  { id: "allergies", kind: "short_text", label: "Any allergies?", help: null, required: true, options: [] },
  { id: "first-visit", kind: "yes_no", label: "Is this your first visit?", help: null, required: false, options: [] },
];

function intakeHandler(answer: { canAnswer: boolean }) {
  return procedure("public.booking.intake", () => ({ form: { id: FORM_ID, version: 2, questions }, canAnswer: answer.canAnswer }));
}

function renderManagePage() {
  server.use(procedure("public.booking.get", () => managedBooking()));
  return renderApp(`/booking/${TOKEN}?lang=en`);
}

const heading = { level: 2, name: "A few questions before your visit" } as const;

describe("intake questions on the manage link", () => {
  it("shows the clinic's questions while they are open and unanswered", async () => {
    server.use(intakeHandler({ canAnswer: true }));
    const app = renderManagePage();
    expect(await app.screen.findByRole("heading", heading)).toBeInTheDocument();
    expect(app.screen.getByLabelText("Any allergies? (required)")).toBeInTheDocument();
    expect(app.screen.getByRole("group", { name: "Is this your first visit?" })).toBeInTheDocument();
    expect(app.screen.getByRole("button", { name: "Send my answers" })).toBeEnabled();
  });

  it("does not send while a required question is unanswered, and says which one", async () => {
    const sent = recorder<"public.booking.answerIntake">();
    server.use(intakeHandler({ canAnswer: true }), procedure("public.booking.answerIntake", (call) => (sent.record(call), { answeredAt: "2026-03-01T10:00:00.000Z" })));
    const app = renderManagePage();
    await app.user.click(await app.screen.findByRole("button", { name: "Send my answers" }));
    const field = app.screen.getByLabelText("Any allergies? (required)");
    expect(await app.screen.findByText("Please answer this question.")).toBeInTheDocument();
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveFocus();
    expect(sent.calls).toEqual([]);
  });

  it("shows the server's refusal of an answer next to its question", async () => {
    server.use(
      intakeHandler({ canAnswer: true }),
      procedure(
        "public.booking.answerIntake",
        () => new TrpcErrorAnswer("BAD_REQUEST", "Keep the answer under 300 characters", { reason: "INVALID_INPUT", fieldErrors: { "intake.answers.allergies": ["Keep the answer under 300 characters"] } }),
      ),
    );
    const app = renderManagePage();
    await app.user.type(await app.screen.findByLabelText("Any allergies? (required)"), "Penicillin");
    await app.user.click(app.screen.getByRole("button", { name: "Send my answers" }));
    expect(await app.screen.findByText("Please check this answer.")).toBeInTheDocument();
    expect(app.screen.getByLabelText("Any allergies? (required)")).toHaveAttribute("aria-invalid", "true");
    expect(app.screen.getByText("Some answers need another look: see the questions marked above.")).toBeInTheDocument();
  });

  it("sends the answers against the form version shown, then says they were sent without showing them back", async () => {
    const sent = recorder<"public.booking.answerIntake">();
    server.use(intakeHandler({ canAnswer: true }), procedure("public.booking.answerIntake", (call) => (sent.record(call), { answeredAt: "2026-03-01T10:00:00.000Z" })));
    const app = renderManagePage();
    await app.user.type(await app.screen.findByLabelText("Any allergies? (required)"), "Penicillin");
    await app.user.click(app.screen.getByRole("radio", { name: "No" }));
    await app.user.click(app.screen.getByRole("button", { name: "Send my answers" }));
    expect(await app.screen.findByText("Thank you: your answers were sent to the clinic.")).toBeInTheDocument();
    expect(sent.calls).toEqual([{ token: TOKEN, intake: { formVersionId: FORM_ID, answers: { allergies: "Penicillin", "first-visit": false } } }]);
    expect(app.screen.queryByRole("heading", heading)).not.toBeInTheDocument();
    expect(app.screen.queryByText("Penicillin")).not.toBeInTheDocument();
  });

  it.each([
    ["closed because the appointment has started", { form: { id: FORM_ID, version: 2, questions }, canAnswer: false }],
    ["not asked because the service has no form", { form: null, canAnswer: false }],
  ])("shows nothing when the questions are %s", async (_, answer) => {
    let asked = false;
    server.use(
      procedure("public.booking.intake", () => {
        asked = true;
        return answer;
      }),
    );
    const app = renderManagePage();
    expect(await app.screen.findByRole("heading", { level: 1, name: "Your appointment at Cabinet Demo Paris" })).toBeInTheDocument();
    await expect.poll(() => asked).toBe(true);
    expect(app.screen.queryByRole("heading", heading)).not.toBeInTheDocument();
    expect(app.screen.queryByRole("button", { name: "Send my answers" })).not.toBeInTheDocument();
  });
});
