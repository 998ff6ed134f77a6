import { within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { calendarDay, signedIn } from "../../test/staff-fixtures";
import { procedure, TrpcErrorAnswer } from "../../test/trpc";
import { calls, devices, handle } from "../../test/handlers";

function serveAccount() {
  let session: ReturnType<typeof signedIn> | null = signedIn();
  let live = devices();
  const revokes = calls<"auth.sessions.revoke">();
  let mfa = { enabled: false, recoveryCodesLeft: 0, requiredBy: [] as string[] };
  server.use(
    handle("auth.mfa.status", () => mfa),
    handle("auth.mfa.setup", () => ({ secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", uri: "otpauth://totp/Frontdesk:lea", qrCode: "data:image/svg+xml;base64,PHN2Zy8+" })),
    handle("auth.mfa.enable", (input) => {
      if (input.code !== "123456") return new TrpcErrorAnswer("BAD_REQUEST", "That code is not right: check the time on your phone and try the next one");
      mfa = { enabled: true, recoveryCodesLeft: 10, requiredBy: [] };
      return { recoveryCodes: Array.from({ length: 10 }, (_, i) => `abcd${i}-efgh${i}`) };
    }),
    handle("auth.activity", () => [
      { id: 2, kind: "sign_in", ip: "198.51.100.2", userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", at: "2026-03-02T07:50:00.000Z" },
      { id: 1, kind: "sign_in_failed", ip: "203.0.113.66", userAgent: null, at: "2026-03-02T07:49:00.000Z" },
    ]),
  );
  server.use(
    procedure("auth.me", () => session),
    procedure("calendar.range", () => calendarDay()),
    handle("auth.sessions.list", () => live),
    handle("auth.sessions.revoke", (input) => {
      revokes.record(input);
      if (live.find((d) => d.id === input.sessionId)?.current) session = null;
      live = live.filter((d) => d.id !== input.sessionId);
      return { revoked: true };
    }),
  );
  return revokes;
}

describe("the account page", () => {
  it("is linked from the staff bar", async () => {
    serveAccount();
    const { screen, user, router } = renderApp("/app/calendar?date=2026-03-03");
    await user.click(await screen.findByRole("link", { name: "Your account" }));
    expect(await screen.findByRole("heading", { name: "Your account" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/app/account");
  });

  it("lists the devices signed in, this one first and marked, with when they were last active", async () => {
    serveAccount();
    const { screen } = renderApp("/app/account");
    const list = await screen.findByRole("list", { name: "Devices" });
    const rows = within(list).getAllByRole("listitem");
    expect(rows[0]).toHaveTextContent("Firefox on WindowsThis device");
    // In the clinic's zone (Paris), not the browser's (Los Angeles).
    expect(rows[1]).toHaveTextContent("Safari on iOS");
    expect(rows[1]).toHaveTextContent("Last active Sunday, 1 March 2026 at 18:30 · 203.0.113.7");
  });

  it("signs another device out and removes it from the list", async () => {
    const revokes = serveAccount();
    const { screen, user } = renderApp("/app/account");
    await user.click(await screen.findByRole("button", { name: /^Sign out Safari on iOS/ }));
    expect(await screen.findByRole("status")).toHaveTextContent("Safari on iOS is signed out.");
    await expect.poll(() => within(screen.getByRole("list", { name: "Devices" })).getAllByRole("listitem")).toHaveLength(1);
    expect(revokes.list).toEqual([{ sessionId: "session-phone" }]);
    expect(screen.getByRole("heading", { name: "Your account" })).toBeInTheDocument();
  });

  it("signing this device out is signing out", async () => {
    const revokes = serveAccount();
    const { screen, user, router } = renderApp("/app/account");
    await user.click(await screen.findByRole("button", { name: "Sign out on this device" }));
    expect(await screen.findByRole("heading", { name: "Sign in to Frontdesk" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/app/sign-in");
    expect(revokes.list).toEqual([{ sessionId: "session-here" }]);
  });
});

describe("changing the password", () => {
  async function fillIn({ user, screen }: Pick<ReturnType<typeof renderApp>, "user" | "screen">, fields: { current: string; next: string; repeat?: string }) {
    await user.type(await screen.findByLabelText("Current password"), fields.current);
    await user.type(screen.getByLabelText("New password"), fields.next);
    await user.type(screen.getByLabelText("Repeat the new password"), fields.repeat ?? fields.next);
    await user.click(screen.getByRole("button", { name: "Change password" }));
  }

  it("shows the server's password policy in its own words", async () => {
    serveAccount();
    server.use(handle("auth.changePassword", () => new TrpcErrorAnswer("BAD_REQUEST", "Your password must not be your e-mail address.")));
    const view = renderApp("/app/account");
    await fillIn(view, { current: "old password 1", next: "lea@example.com" });
    const alert = await view.screen.findByRole("alert");
    expect(alert).toHaveTextContent("Your password must not be your e-mail address.");
    expect(view.screen.queryByText("Your password is changed")).not.toBeInTheDocument();
  });

  it("says when the current password is wrong", async () => {
    serveAccount();
    server.use(handle("auth.changePassword", () => new TrpcErrorAnswer("BAD_REQUEST", "The current password is not right")));
    const view = renderApp("/app/account");
    await fillIn(view, { current: "not it at all", next: "a much longer phrase" });
    expect(await view.screen.findByRole("alert")).toHaveTextContent("The current password is not right");
  });

  it("puts the server's field errors on their fields", async () => {
    serveAccount();
    server.use(
      handle("auth.changePassword", () => new TrpcErrorAnswer("BAD_REQUEST", "Invalid input", { fieldErrors: { newPassword: ["Password is too long"] } })),
    );
    const view = renderApp("/app/account");
    await fillIn(view, { current: "old password 1", next: "x".repeat(30) });
    await expect.poll(() => view.screen.getByLabelText("New password")).toHaveAccessibleDescription(expect.stringContaining("Password is too long"));
  });

  it("does not send two different new passwords", async () => {
    serveAccount();
    const changes = calls<"auth.changePassword">();
    server.use(handle("auth.changePassword", (input) => (changes.record(input), { endedOtherSessions: 0 })));
    const view = renderApp("/app/account");
    await fillIn(view, { current: "old password 1", next: "a much longer phrase", repeat: "a much longer phrasf" });
    expect(view.screen.getByLabelText("Repeat the new password")).toHaveAccessibleDescription("The two new passwords are not the same");
    expect(changes.list).toEqual([]);
  });

  it("says how many other devices were signed out", async () => {
    serveAccount();
    const changes = calls<"auth.changePassword">();
    server.use(handle("auth.changePassword", (input) => (changes.record(input), { endedOtherSessions: 1 })));
    const view = renderApp("/app/account");
    await fillIn(view, { current: "old password 1", next: "a much longer phrase" });
    expect(await view.screen.findByText("1 other device was signed out.")).toBeInTheDocument();
    expect(changes.list).toEqual([{ currentPassword: "old password 1", newPassword: "a much longer phrase" }]);
    expect(view.screen.getByLabelText("Current password")).toHaveValue("");
  });

  it("sets up two-step verification with a QR code, refuses a wrong code, and shows the recovery codes once", async () => {
    serveAccount();
    const { screen, user } = renderApp("/app/account");
    await user.click(await screen.findByRole("button", { name: "Set up two-step verification" }));
    expect(await screen.findByRole("img", { name: "QR code to add Frontdesk to your authenticator app" })).toHaveAttribute("src", expect.stringMatching(/^data:image\/svg\+xml/));
    expect(screen.getByLabelText("Key")).toHaveTextContent("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    await user.type(screen.getByLabelText("Code from the app"), "000000");
    await user.click(screen.getByRole("button", { name: "Turn on two-step verification" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("That code is not right");
    await user.clear(screen.getByLabelText("Code from the app"));
    await user.type(screen.getByLabelText("Code from the app"), "123456");
    await user.click(screen.getByRole("button", { name: "Turn on two-step verification" }));
    const codes = await screen.findByRole("list", { name: "Recovery codes" });
    expect(within(codes).getAllByRole("listitem")).toHaveLength(10);
    await user.click(screen.getByRole("button", { name: "I have saved them" }));
    expect(await screen.findByText(/On\. Signing in asks for a code/)).toHaveTextContent("10 recovery codes left");
    expect(screen.queryByRole("list", { name: "Recovery codes" })).not.toBeInTheDocument();
  });

  it("shows recent activity, failed sign-ins included, in the clinic's zone", async () => {
    serveAccount();
    const { screen } = renderApp("/app/account");
    const rows = within(await screen.findByRole("list", { name: "Recent activity" })).getAllByRole("listitem");
    expect(rows[0]).toHaveTextContent("Signed in");
    expect(rows[0]).toHaveTextContent("Firefox on Windows · 198.51.100.2");
    expect(rows[1]).toHaveTextContent("Failed sign-in");
    expect(rows[1]).toHaveTextContent("08:49 · 203.0.113.66");
  });
});
