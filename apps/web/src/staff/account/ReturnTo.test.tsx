import { describe, expect, it } from "vitest";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { calendarDay, signedIn, signInAnswer } from "../../test/staff-fixtures";
import { procedure } from "../../test/trpc";
import { dupontRecord, patientIds } from "../../test/patient-fixtures";
import { handle } from "../../test/handlers";

/** Nobody is signed in until auth.signIn succeeds. */
function serveSignIn() {
  let session: ReturnType<typeof signedIn> | null = null;
  server.use(
    procedure("auth.me", () => session),
    procedure("auth.signIn", () => {
      session = signedIn();
      return signInAnswer;
    }),
    procedure("calendar.range", () => calendarDay()),
    handle("patients.get", () => dupontRecord()),
  );
}

async function signIn({ user, screen }: Pick<ReturnType<typeof renderApp>, "user" | "screen">) {
  await user.type(await screen.findByLabelText("E-mail address"), "lea@example.com");
  await user.type(screen.getByLabelText("Password"), "correct horse battery");
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("coming back after signing in", () => {
  it("returns a signed-out visitor to the page they asked for", async () => {
    serveSignIn();
    const patientPage = `/app/patients/${patientIds.dupont}`;
    const view = renderApp(patientPage);
    expect(await view.screen.findByRole("heading", { name: "Sign in to Frontdesk" })).toBeInTheDocument();
    expect(view.router.state.location.search).toEqual({ redirect: patientPage });

    await signIn(view);
    expect(await view.screen.findByRole("heading", { level: 1, name: "Jean Dupont" })).toBeInTheDocument();
    expect(view.router.state.location.pathname).toBe(patientPage);
  });

  it("keeps the query of the page asked for", async () => {
    serveSignIn();
    server.use(handle("patients.search", () => ({ items: [], total: 0, page: 1, pageSize: 20 })));
    const view = renderApp("/app/patients?q=dupont");
    await signIn(view);
    expect(await view.screen.findByRole("searchbox", { name: "Search patients" })).toHaveValue("dupont");
    expect(view.router.state.location.search).toEqual({ q: "dupont" });
  });

  it.each(["https://evil.example/app/calendar", "//evil.example/app/calendar", "/\\evil.example/app"])(
    "refuses to send anyone to %s and opens the calendar instead",
    async (target) => {
      serveSignIn();
      const view = renderApp(`/app/sign-in?redirect=${encodeURIComponent(target)}`);
      await signIn(view);
      await expect.poll(() => view.router.state.location.pathname).toBe("/app/calendar");
      expect(await view.screen.findByRole("heading", { name: "Dr Claire Martin" })).toBeInTheDocument();
      expect(window.location.host).not.toContain("evil");
    },
  );

  it("sends someone already signed in on to the page they asked for", async () => {
    server.use(
      procedure("auth.me", () => signedIn()),
      handle("patients.get", () => dupontRecord()),
    );
    const view = renderApp(`/app/sign-in?redirect=${encodeURIComponent(`/app/patients/${patientIds.dupont}`)}`);
    expect(await view.screen.findByRole("heading", { level: 1, name: "Jean Dupont" })).toBeInTheDocument();
  });
});
