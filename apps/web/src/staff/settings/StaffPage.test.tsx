import { within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { TrpcErrorAnswer } from "../../test/trpc";
import { settingsWorld, staffList } from "./test-fixtures";
import { callsOf, settingsProcedure } from "./test-trpc";

const [owner, receptionist] = staffList.members as [(typeof staffList.members)[number], (typeof staffList.members)[number]];

function openStaff(role: "owner" | "admin") {
  const invites = callsOf("clinic.staff.invite", () => ({ invitationId: "0b8f1c2e-8888-4000-8000-000000000002", expiresAt: "2026-03-09T08:00:00.000Z" }));
  const roleChanges = callsOf("clinic.staff.setRole", (input) =>
    input.role === "practitioner" ? new TrpcErrorAnswer("CONFLICT", "A clinic needs at least one owner: make someone else owner first") : input,
  );
  server.use(...settingsWorld(role), settingsProcedure("clinic.staff.list", () => staffList), invites.handler, roleChanges.handler);
  const app = renderApp("/app/settings/staff");
  return { ...app, invites: invites.calls, roleChanges: roleChanges.calls };
}

describe("the staff screen", () => {
  it("lists members and pending invitations, and invites someone with a role", async () => {
    const app = openStaff("owner");
    const members = await app.screen.findByRole("list", { name: "Members" });
    expect(within(members).getAllByRole("listitem").map((row) => row.querySelector("strong")?.textContent)).toEqual([owner.name, receptionist.name]);
    expect(app.screen.getByRole("list", { name: "Pending invitations" })).toHaveTextContent("new.admin@example.com as admin");

    const email = app.screen.getByLabelText("E-mail address");
    await app.user.type(email, "not-an-address");
    await app.user.click(app.screen.getByRole("button", { name: "Send invitation" }));
    expect(email).toHaveAccessibleDescription("Enter a valid e-mail address");
    expect(app.invites).toEqual([]);

    await app.user.clear(email);
    await app.user.type(email, "kine@example.com");
    await app.user.selectOptions(app.screen.getByLabelText("Role"), "Practitioner");
    await app.user.click(app.screen.getByRole("button", { name: "Send invitation" }));
    expect(await app.screen.findByText("Invitation sent to kine@example.com.")).toBeInTheDocument();
    expect(app.invites).toEqual([{ email: "kine@example.com", role: "practitioner" }]);
  });

  it("withdraws a pending invitation once confirmed, and the list is read again", async () => {
    const withdrawals = callsOf("clinic.staff.withdrawInvitation", () => ({ withdrawn: true }));
    let listed = 0;
    const invitation = staffList.invitations[0]!;
    // Handlers given later to server.use() come first: these replace the world's list.
    server.use(...settingsWorld("admin"));
    server.use(settingsProcedure("clinic.staff.list", () => (listed++ === 0 ? staffList : { ...staffList, invitations: [] })), withdrawals.handler);
    const app = renderApp("/app/settings/staff");
    await app.user.click(await app.screen.findByRole("button", { name: `Withdraw the invitation to ${invitation.email}` }));
    const dialog = await app.screen.findByRole("dialog", { name: `Withdraw the invitation to ${invitation.email}?` });
    expect(withdrawals.calls).toEqual([]);
    await app.user.click(within(dialog).getByRole("button", { name: "Withdraw" }));
    expect(await app.screen.findByText("None.")).toBeInTheDocument();
    expect(withdrawals.calls).toEqual([{ invitationId: invitation.id }]);
    expect(app.screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("does not let an admin withdraw an invitation to become owner", async () => {
    const toOwner = { ...staffList.invitations[0]!, id: "0b8f1c2e-8888-4000-8000-000000000003", email: "boss@example.com", role: "owner" as const };
    server.use(...settingsWorld("admin"));
    server.use(settingsProcedure("clinic.staff.list", () => ({ ...staffList, invitations: [...staffList.invitations, toOwner] })));
    const app = renderApp("/app/settings/staff");
    expect(await app.screen.findByRole("button", { name: "Withdraw the invitation to boss@example.com" })).toBeDisabled();
    expect(app.screen.getByRole("button", { name: `Withdraw the invitation to ${staffList.invitations[0]!.email}` })).toBeEnabled();
  });

  it("changes a role and shows the server's refusal to leave the clinic without an owner", async () => {
    const app = openStaff("owner");
    await app.user.selectOptions(await app.screen.findByLabelText(`Role of ${owner.name}`), "Practitioner");
    expect(await app.screen.findByRole("alert")).toHaveTextContent("A clinic needs at least one owner");
    expect(app.roleChanges).toEqual([{ membershipId: owner.membershipId, role: "practitioner" }]);
    expect(app.screen.getByLabelText(`Role of ${owner.name}`)).toHaveValue("owner");
  });

  it("does not let an admin hand out or take away the owner role", async () => {
    const app = openStaff("admin");
    const ownerRole = await app.screen.findByLabelText(`Role of ${owner.name}`);
    expect(ownerRole).toBeDisabled();
    expect(app.screen.getByRole("button", { name: `Remove ${owner.name}` })).toBeDisabled();
    const options = within(app.screen.getByLabelText(`Role of ${receptionist.name}`)).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(["Admin", "Receptionist", "Practitioner"]);
  });
});
