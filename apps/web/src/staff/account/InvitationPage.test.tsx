import { describe, expect, it } from "vitest";
import { ids } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { calendarDay, otherClinicId, signedIn, signInAnswer } from "../../test/staff-fixtures";
import { procedure, TrpcErrorAnswer } from "../../test/trpc";
import type { Me } from "../types";
import { calls, handle } from "../../test/handlers";

// The format clinic.staff.invite mails: `${PUBLIC_URL}/app/invite/<clinic id>.<secret>`.
const TOKEN = `${otherClinicId}.abcdefghijklmnopqrstuvwxyz234567`;
const INVITE = `/app/invite/${TOKEN}`;

/** Léa works at the Paris clinic and has been invited to Lyon; accepting makes Lyon her active clinic. */
function serveInvitation(signedInAtFirst: boolean) {
  const lea = signedIn("receptionist");
  let me: Me | null = signedInAtFirst ? lea : null;
  const accepts = calls<"clinic.staff.accept">();
  server.use(
    procedure("auth.me", () => me),
    procedure("auth.signIn", () => {
      me = lea;
      return signInAnswer;
    }),
    procedure("auth.signOut", () => {
      me = null;
      return { signedOut: true };
    }),
    handle("clinic.staff.accept", (input) => {
      accepts.record(input);
      me = {
        ...lea,
        memberships: [...lea.memberships, { clinicId: otherClinicId, clinicName: "Clinique Lyon Sud", clinicSlug: "lyon-sud", timezone: "Europe/Paris", role: "practitioner" }],
        activeClinicId: otherClinicId,
      };
      return { clinicId: otherClinicId, role: "practitioner" as const };
    }),
    procedure("calendar.range", () => calendarDay()),
  );
  return accepts;
}

describe("accepting a staff invitation", () => {
  it("asks someone signed out to sign in, brings them back, accepts and opens that clinic's calendar", async () => {
    const accepts = serveInvitation(false);
    const { screen, user, router } = renderApp(INVITE);
    await user.click(await screen.findByRole("link", { name: "Sign in to accept" }));
    await user.type(await screen.findByLabelText("E-mail address"), "lea@example.com");
    await user.type(screen.getByLabelText("Password"), "correct horse battery");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    await user.click(await screen.findByRole("button", { name: "Accept invitation" }));
    expect(await screen.findByRole("heading", { name: "Dr Claire Martin" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/app/calendar");
    expect(screen.getByRole("combobox", { name: "Clinic" })).toHaveValue(otherClinicId);
    expect(accepts.list).toEqual([{ token: TOKEN }]);
  });

  it("lets someone new create an account and come back to the invitation", async () => {
    serveInvitation(false);
    server.use(
      handle("auth.signUp", (input) => ({ verificationSent: true, email: input.email })),
      handle("auth.verifyEmail", () => {
        server.use(procedure("auth.me", () => ({ user: { id: ids.clinic, name: "Noé", email: "noe@example.com" }, memberships: [], activeClinicId: null })));
        return { status: "signed_in", user: { id: ids.clinic, name: "Noé", email: "noe@example.com" } };
      }),
    );
    const { screen, user, router } = renderApp(INVITE);
    await user.click(await screen.findByRole("link", { name: "Create an account" }));
    await user.type(await screen.findByLabelText("Your name"), "Noé");
    await user.type(screen.getByLabelText("E-mail address"), "noe@example.com");
    await user.type(screen.getByLabelText("Password"), "a long enough phrase");
    await user.click(screen.getByRole("button", { name: "Create account" }));
    await user.type(await screen.findByLabelText("Confirmation code"), "123456");
    await user.click(screen.getByRole("button", { name: "Confirm" }));
    expect(await screen.findByRole("button", { name: "Accept invitation" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(INVITE);
    expect(screen.getByText("noe@example.com")).toBeInTheDocument();
  });

  it("explains an invitation sent to another address and offers to switch accounts", async () => {
    serveInvitation(true);
    server.use(handle("clinic.staff.accept", () => new TrpcErrorAnswer("FORBIDDEN", "This invitation was sent to another e-mail address")));
    const { screen, user } = renderApp(INVITE);
    await user.click(await screen.findByRole("button", { name: "Accept invitation" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This invitation was sent to another e-mail address");
    await user.click(screen.getByRole("button", { name: "Sign out and use that account" }));
    expect(await screen.findByRole("link", { name: "Sign in to accept" })).toHaveAttribute("href", `/app/sign-in?redirect=${encodeURIComponent(INVITE)}`);
  });

  it.each([
    ["NOT_FOUND", "Invitation not found", "This invitation link is not valid"],
    ["CONFLICT", "This invitation has already been used", "This invitation has already been used"],
    ["BAD_REQUEST", "This invitation has expired: ask for a new one", "This invitation has expired: ask for a new one"],
  ] as const)("says what went wrong when the server answers %s", async (code, message, shown) => {
    serveInvitation(true);
    server.use(handle("clinic.staff.accept", () => new TrpcErrorAnswer(code, message)));
    const { screen, user, router } = renderApp(INVITE);
    await user.click(await screen.findByRole("button", { name: "Accept invitation" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(shown);
    expect(router.state.location.pathname).toBe(INVITE);
  });
});
