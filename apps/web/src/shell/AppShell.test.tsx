import { beforeAll, describe, expect, it } from "vitest";
import { preloadPage, renderApp } from "../test/render";
import { server } from "../test/server";
import { procedure } from "../test/trpc";

// The staff area's first page is its own chunk: compiled here, not inside a test's wait.
beforeAll(() => preloadPage("/app/sign-in"));

describe("app shell", () => {
  it("has a skip link to the main content and a start page", async () => {
    const app = renderApp("/");
    expect(await app.screen.findByRole("heading", { level: 1, name: "Frontdesk" })).toBeInTheDocument();
    expect(app.screen.getByRole("link", { name: "Skip to content" })).toHaveAttribute("href", "#main");
    expect(app.screen.getByRole("main")).toHaveAttribute("id", "main");
  });

  it("answers an unknown address with a page that says so", async () => {
    const app = renderApp("/no/such/page");
    expect(await app.screen.findByRole("heading", { name: "Page not found" })).toBeInTheDocument();
  });

  it("loads the staff area as its own page, starting at sign-in for a visitor", async () => {
    server.use(procedure("auth.me", () => null));
    const app = renderApp("/app");
    expect(await app.screen.findByRole("heading", { name: "Sign in to Frontdesk" })).toBeInTheDocument();
  });
});
