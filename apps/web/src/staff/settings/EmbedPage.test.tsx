import { describe, expect, it } from "vitest";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { calendarDay } from "../../test/staff-fixtures";
import { procedure } from "../../test/trpc";
import { settingsWorld } from "./test-fixtures";
import { callsOf } from "./test-trpc";

describe("the website settings", () => {
  it("save the sites that may frame the booking page, one per line, and give the code to paste", async () => {
    let state = { origins: ["https://www.example-clinic.fr"] };
    const updates = callsOf("clinic.embed.update", (input) => (state = { origins: input.origins }));
    server.use(...settingsWorld("owner"), procedure("calendar.range", () => calendarDay()), procedure("clinic.embed.get", () => state), updates.handler);
    const { screen, user } = renderApp("/app/settings/embed");
    const field = await screen.findByLabelText<HTMLTextAreaElement>("Websites that may show your booking page");
    expect(field.value).toBe("https://www.example-clinic.fr");
    await user.type(field, "{Enter}http://localhost:5173");
    await user.click(screen.getByRole("button", { name: "Save websites" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Websites saved");
    expect(updates.calls).toEqual([{ origins: ["https://www.example-clinic.fr", "http://localhost:5173"] }]);
    const inline = screen.getByLabelText<HTMLTextAreaElement>("The booking page in your page (it takes the height it needs):").value;
    expect(inline).toBe(`<div data-frontdesk-booking="${window.location.origin}/book/demo-paris"></div>\n<script src="${window.location.origin}/embed.js" async></script>`);
  });

  it("names a line that is not a site's address, and sends nothing", async () => {
    const updates = callsOf("clinic.embed.update", (input) => ({ origins: input.origins }));
    server.use(...settingsWorld("admin"), procedure("calendar.range", () => calendarDay()), procedure("clinic.embed.get", () => ({ origins: [] })), updates.handler);
    const { screen, user } = renderApp("/app/settings/embed");
    await user.type(await screen.findByLabelText("Websites that may show your booking page"), "https://www.example-clinic.fr/contact");
    await user.click(screen.getByRole("button", { name: "Save websites" }));
    expect(await screen.findByText("“https://www.example-clinic.fr/contact” is not a website address such as https://www.your-clinic.com (https, no path).")).toBeInTheDocument();
    expect(updates.calls).toEqual([]);
  });
});
