import { within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { signedIn } from "../../test/staff-fixtures";
import { procedure, TrpcErrorAnswer, type OutputOf } from "../../test/trpc";
import type { StaffRole } from "../types";
import { calls, handle, invalid } from "../../test/handlers";
import { dupontRecord, patientIds } from "../../test/patient-fixtures";
import type { PatientRecordAnswer } from "./types";

const PAGE = `/app/patients/${patientIds.dupont}`;

function serveRecord(role: StaffRole = "receptionist", record: PatientRecordAnswer = dupontRecord(), notes: OutputOf<"notes.list"> | TrpcErrorAnswer = { notes: [], canWrite: role === "practitioner" }) {
  let current = record;
  const noteReads = calls<"notes.list">();
  server.use(
    procedure("auth.me", () => signedIn(role)),
    handle("patients.get", () => current),
    handle("notes.list", (input) => (noteReads.record(input), notes)),
  );
  return { replace: (next: PatientRecordAnswer) => (current = next), noteReads };
}

type Note = OutputOf<"notes.list">["notes"][number];
const signedNote = (overrides: Partial<Note> = {}): Note => ({
  id: "0b8f1c2e-7777-4000-8000-000000000001",
  patientId: patientIds.dupont,
  appointmentId: null,
  amendsNoteId: null,
  authorUserId: "0b8f1c2e-7777-4000-8000-0000000000aa",
  authorName: "Dr Claire Martin",
  status: "signed",
  signedAt: "2026-02-20T15:30:00.000Z",
  content: { body: "Lower back pain, two weeks", sections: [{ heading: "Plan", text: "Stretches daily" }] },
  version: 3,
  createdAt: "2026-02-20T15:00:00.000Z",
  updatedAt: "2026-02-20T15:30:00.000Z",
  ...overrides,
});

describe("a patient's page", () => {
  it("shows the contact details, the no-show count and the appointments ahead and behind by the clinic's clock", async () => {
    serveRecord();
    const { screen } = renderApp(PAGE);
    expect(await screen.findByRole("heading", { level: 1, name: "Jean Dupont" })).toBeInTheDocument();
    const contact = screen.getByRole("region", { name: "Contact details" });
    expect(within(contact).getByRole("link", { name: "06 12 34 56 78" })).toHaveAttribute("href", "tel:0612345678");
    expect(within(contact).getByText("12 May 1980")).toBeInTheDocument();
    expect(within(contact).getByText("1 no-show")).toBeInTheDocument();

    const appointments = screen.getByRole("region", { name: "Appointments" });
    const [upcoming, past] = within(appointments).getAllByRole("list");
    // 09:00Z is 10:00 in Paris (the tests' browser is in Los Angeles, where it is 01:00).
    expect(within(upcoming!).getByRole("link")).toHaveTextContent("Thursday, 5 March 2026 at 10:00");
    expect(within(upcoming!).getByRole("link")).toHaveAttribute("href", "/app/calendar?date=2026-03-05");
    expect(within(past!).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      expect.stringMatching(/20 February 2026 at 15:00.*No-show/),
      expect.stringMatching(/2 February 2026 at 09:00.*Dr Yasmine Haddad.*Completed/),
    ]);
  });

  it("saves only the changed field and shows the saved record", async () => {
    const record = serveRecord();
    const updates = calls<"patients.update">();
    server.use(
      handle("patients.update", (input) => {
        updates.record(input);
        const next = dupontRecord({ phone: input.phone ?? null });
        record.replace(next);
        return next.patient;
      }),
    );
    const { screen, user } = renderApp(PAGE);
    const edit = await screen.findByRole("button", { name: "Edit details" });
    await user.click(edit);
    const dialog = screen.getByRole("dialog", { name: "Edit Jean Dupont" });
    const phone = within(dialog).getByLabelText("Phone");
    await user.clear(phone);
    await user.type(phone, "07 00 00 00 01");
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));

    expect(await screen.findByRole("status")).toHaveTextContent("Changes saved");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(updates.list).toEqual([{ patientId: patientIds.dupont, expectedUpdatedAt: "2026-02-20T14:40:00.000Z", phone: "07 00 00 00 01" }]);
    expect(await screen.findByRole("link", { name: "07 00 00 00 01" })).toBeInTheDocument();
    expect(edit).toHaveFocus();
  });

  it("clears an optional field by sending null", async () => {
    serveRecord();
    const updates = calls<"patients.update">();
    server.use(
      handle("patients.update", (input) => {
        updates.record(input);
        return dupontRecord({ email: null }).patient;
      }),
    );
    const { screen, user } = renderApp(PAGE);
    await user.click(await screen.findByRole("button", { name: "Edit details" }));
    await user.clear(screen.getByLabelText("E-mail address"));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await expect.poll(() => updates.list).toEqual([{ patientId: patientIds.dupont, expectedUpdatedAt: "2026-02-20T14:40:00.000Z", email: null }]);
  });

  it("keeps the dialog open with the server's reason on the field it refused", async () => {
    serveRecord();
    server.use(handle("patients.update", () => invalid({ phone: ["Enter a phone number with digits only (a leading + is fine)"] })));
    const { screen, user } = renderApp(PAGE);
    await user.click(await screen.findByRole("button", { name: "Edit details" }));
    const phone = screen.getByLabelText("Phone");
    await user.clear(phone);
    await user.type(phone, "call me maybe");
    await user.click(screen.getByRole("button", { name: "Save changes" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Some details need correcting");
    expect(phone).toHaveAttribute("aria-invalid", "true");
    expect(phone).toHaveAccessibleDescription("Enter a phone number with digits only (a leading + is fine)");
    expect(screen.getByRole("dialog", { name: "Edit Jean Dupont" })).toBeInTheDocument();
  });

  it("reloads a colleague's newer version instead of overwriting it, then saves against that version", async () => {
    const record = serveRecord();
    const updates = calls<"patients.update">();
    const colleagues = dupontRecord({ email: "jd@example.org", updatedAt: "2026-03-02T07:59:00.000Z" });
    server.use(
      handle("patients.update", (input) => {
        updates.record(input);
        if (input.expectedUpdatedAt !== colleagues.patient.updatedAt) {
          record.replace(colleagues);
          return new TrpcErrorAnswer("CONFLICT", "Someone else changed Jean Dupont's record while you were editing it");
        }
        return { ...colleagues.patient, phone: input.phone ?? null };
      }),
    );
    const { screen, user } = renderApp(PAGE);
    await user.click(await screen.findByRole("button", { name: "Edit details" }));
    const dialog = screen.getByRole("dialog", { name: "Edit Jean Dupont" });
    const phone = within(dialog).getByLabelText("Phone");
    await user.clear(phone);
    await user.type(phone, "07 00 00 00 01");
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));

    expect(await within(dialog).findByRole("alert")).toHaveTextContent("Someone else changed Jean Dupont's record while you were editing it. The form now shows the saved details");
    await expect.poll(() => within(dialog).getByLabelText("E-mail address")).toHaveValue("jd@example.org");
    expect(phone).toHaveValue("06 12 34 56 78");

    await user.clear(phone);
    await user.type(phone, "07 00 00 00 01");
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Changes saved");
    expect(updates.list.at(-1)).toEqual({ patientId: patientIds.dupont, expectedUpdatedAt: "2026-03-02T07:59:00.000Z", phone: "07 00 00 00 01" });
  });

  it("archives after a confirmation, and says why when the server refuses", async () => {
    const record = serveRecord("receptionist");
    let refuse = true;
    const archives = calls<"patients.archive">();
    server.use(
      handle("patients.archive", (input) => {
        archives.record(input);
        if (refuse) return new TrpcErrorAnswer("CONFLICT", "Jean Dupont has 1 upcoming appointment(s): cancel them before archiving");
        const next = dupontRecord({ archivedAt: "2026-03-02T08:00:00.000Z" });
        record.replace(next);
        return next.patient;
      }),
    );
    const { screen, user } = renderApp(PAGE);
    await user.click(await screen.findByRole("button", { name: "Archive" }));
    const dialog = screen.getByRole("dialog", { name: "Archive Jean Dupont?" });
    await user.click(within(dialog).getByRole("button", { name: "Archive patient" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("cancel them before archiving");

    refuse = false;
    await user.click(within(dialog).getByRole("button", { name: "Archive patient" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Jean Dupont is archived");
    expect(await screen.findByText("Archived on Monday, 2 March 2026")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Archive" })).not.toBeInTheDocument();
    expect(archives.list).toEqual([{ patientId: patientIds.dupont }, { patientId: patientIds.dupont }]);
  });

  it("does not archive when the confirmation is dismissed", async () => {
    serveRecord("admin");
    const archives = calls<"patients.archive">();
    server.use(handle("patients.archive", (input) => (archives.record(input), dupontRecord().patient)));
    const { screen, user } = renderApp(PAGE);
    await user.click(await screen.findByRole("button", { name: "Archive" }));
    await user.click(screen.getByRole("button", { name: "Keep the patient" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(archives.list).toEqual([]);
  });

  it("does not offer archiving to a practitioner, whom the server would refuse", async () => {
    serveRecord("practitioner");
    const { screen } = renderApp(PAGE);
    expect(await screen.findByRole("button", { name: "Edit details" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Archive" })).not.toBeInTheDocument();
  });

  it("says plainly when there is no such patient", async () => {
    server.use(
      procedure("auth.me", () => signedIn()),
      handle("patients.get", () => new TrpcErrorAnswer("NOT_FOUND", "Patient not found")),
    );
    const { screen } = renderApp(PAGE);
    expect(await screen.findByRole("heading", { name: "Patient not found" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Search the patients" })).toHaveAttribute("href", "/app/patients");
  });

  describe("clinical notes", () => {
    it("shows a practitioner the signed notes with their amendments, and offers to amend", async () => {
      const amendment = signedNote({ id: "0b8f1c2e-7777-4000-8000-000000000002", amendsNoteId: signedNote().id, content: { body: "Correction: three weeks", sections: [] } });
      serveRecord("practitioner", dupontRecord(), { notes: [signedNote(), amendment], canWrite: true });
      const { screen } = renderApp(PAGE);
      const notes = await screen.findByRole("region", { name: "Clinical notes" });
      const note = await within(notes).findByRole("article", { name: "Signed note" });
      expect(note).toHaveTextContent("Lower back pain, two weeks");
      expect(within(note).getByRole("heading", { name: "Plan" })).toBeInTheDocument();
      const amended = within(note).getByRole("group", { name: "Amendment" });
      expect(amended).toHaveTextContent("Amendment by Dr Claire Martin");
      expect(amended).toHaveTextContent("Correction: three weeks");
      expect(within(note).getByRole("button", { name: "Amend" })).toBeInTheDocument();
      expect(within(notes).getByRole("button", { name: "New note" })).toBeInTheDocument();
    });

    it("are not shown to a receptionist, nor asked for", async () => {
      const { noteReads } = serveRecord("receptionist");
      const { screen } = renderApp(PAGE);
      expect(await screen.findByRole("heading", { level: 1, name: "Jean Dupont" })).toBeInTheDocument();
      expect(screen.queryByRole("region", { name: "Clinical notes" })).not.toBeInTheDocument();
      expect(noteReads.list).toEqual([]);
    });

    it("tell an admin when the clinic keeps them to practitioners, and offer no writing", async () => {
      serveRecord("admin", dupontRecord(), new TrpcErrorAnswer("FORBIDDEN", "This clinic keeps clinical notes to its practitioners", { reason: "NOTES_CLOSED_TO_ADMINS" }));
      const { screen } = renderApp(PAGE);
      const notes = await screen.findByRole("region", { name: "Clinical notes" });
      expect(await within(notes).findByText("Clinical notes are private to the practitioners in this clinic.")).toBeInTheDocument();
      expect(within(notes).queryByRole("button", { name: "New note" })).not.toBeInTheDocument();
    });
  });
});
