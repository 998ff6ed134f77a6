import { beforeAll, describe, expect, it } from "vitest";
import { WRONG_CREDENTIALS_MESSAGE } from "../api/failure";
import { preloadPage, renderApp } from "../test/render";
import { server } from "../test/server";
import { calendarDay, signedIn, signInAnswer } from "../test/staff-fixtures";
import { procedure, recorder, TrpcErrorAnswer } from "../test/trpc";

async function fillIn(user: ReturnType<typeof renderApp>["user"], screen: ReturnType<typeof renderApp>["screen"]) {
  await user.type(await screen.findByLabelText("E-mail address"), "lea@example.com");
  await user.type(screen.getByLabelText("Password"), "not the password");
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

// Both pages these tests show, compiled before any test waits for them.
beforeAll(async () => {
  await Promise.all([preloadPage("/app/sign-in"), preloadPage("/app/calendar")]);
});

describe("signing in", () => {
  it("says plainly when the e-mail and password do not match", async () => {
    server.use(
      procedure("auth.me", () => null),
      procedure("auth.signIn", () => new TrpcErrorAnswer("UNAUTHORIZED", "Incorrect e-mail or password", { reason: "WRONG_CREDENTIALS" })),
    );
    const { user, screen } = renderApp("/app/sign-in");
    await fillIn(user, screen);
    expect(await screen.findByRole("alert")).toHaveTextContent(WRONG_CREDENTIALS_MESSAGE);
  });

  it("says how long to wait when too many attempts were made", async () => {
    server.use(
      procedure("auth.me", () => null),
      procedure("auth.signIn", () => new TrpcErrorAnswer("TOO_MANY_REQUESTS", "Too many attempts. Try again in 5 minutes.", { reason: "RATE_LIMITED" })),
    );
    const { user, screen } = renderApp("/app/sign-in");
    await fillIn(user, screen);
    expect(await screen.findByRole("alert")).toHaveTextContent("Try again in 5 minutes.");
  });

  it("opens the calendar once signed in", async () => {
    let session: ReturnType<typeof signedIn> | null = null;
    const signIns = recorder<"auth.signIn">();
    server.use(
      procedure("auth.signIn", (call) => {
        signIns.record(call);
        session = signedIn();
        return signInAnswer;
      }),
      procedure("auth.me", () => session),
      procedure("calendar.range", () => calendarDay()),
    );
    const { user, screen, router } = renderApp("/app/sign-in");
    await fillIn(user, screen);
    expect(await screen.findByRole("heading", { name: "Dr Claire Martin" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/app/calendar");
    expect(signIns.calls).toEqual([{ email: "lea@example.com", password: "not the password" }]);
  });

  it("sends someone already signed in straight to the calendar", async () => {
    server.use(
      procedure("auth.me", () => signedIn()),
      procedure("calendar.range", () => calendarDay()),
    );
    const { screen, router } = renderApp("/app/sign-in");
    expect(await screen.findByRole("heading", { name: "Dr Claire Martin" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/app/calendar");
  });
});
