// Each booking step has its own address (booking-steps.ts): Back and Forward walk the steps with
// their choices, a shared link opens its step, a reload keeps what was typed.
import { act, waitFor } from "@testing-library/react";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { activatePatientLanguage } from "../i18n/patient-i18n";
import { clinic, ids, slotsFor } from "../test/fixtures";
import { preloadPage, renderApp } from "../test/render";
import { server } from "../test/server";
import { procedure } from "../test/trpc";
import { readBookingDraft } from "./booking-draft";
import { stepToShow, validateBookingSearch } from "./booking-steps";

// The catalogue and the page's code ready before the first render: the tests wait on the page only.
beforeAll(async () => {
  await Promise.all([activatePatientLanguage("en"), preloadPage("/book/demo-paris")]);
});
beforeEach(() => {
  server.use(
    procedure("public.clinic", () => clinic),
    procedure("public.slots", ({ input }) => slotsFor(input.from, input.to)),
  );
});

const nineOnTuesday = "2026-03-03T08:00:00.000Z";
const search = (app: ReturnType<typeof renderApp>) => app.router.state.location.search as Record<string, unknown>;

describe("booking steps in the address", () => {
  it("puts each choice and step in the address, and Back walks back through the steps keeping them", async () => {
    const app = renderApp("/book/demo-paris?lang=en");
    await app.user.click(await app.screen.findByRole("button", { name: /^Consultation/ }));
    await app.user.click(await app.screen.findByRole("button", { name: /Dr Claire Martin/ }));
    await app.user.click(await app.screen.findByRole("button", { name: /Tuesday, 3 March 2026, 4 free times/ }));
    await app.user.click(await app.screen.findByRole("button", { name: /^09:00/ }));
    await app.screen.findByRole("heading", { name: "Your details" });
    expect(search(app)).toMatchObject({ step: "details", service: ids.consultation, practitioner: ids.martin, time: nineOnTuesday });

    act(() => app.router.history.back());
    expect(await app.screen.findByRole("heading", { name: "Choose a day" })).toBeInTheDocument();
    // The chosen day is open again, its time still marked.
    expect(await app.screen.findByRole("button", { name: /^09:00/, pressed: true })).toBeInTheDocument();
    act(() => app.router.history.back());
    expect(await app.screen.findByRole("button", { name: /Dr Claire Martin/, pressed: true })).toBeInTheDocument();
    act(() => app.router.history.back());
    expect(await app.screen.findByRole("button", { name: /^Consultation/, pressed: true })).toBeInTheDocument();
    act(() => app.router.history.forward());
    expect(await app.screen.findByRole("button", { name: /Dr Claire Martin/, pressed: true })).toBeInTheDocument();
  });

  it("opens a shared link on its step with its choices", async () => {
    const app = renderApp(`/book/demo-paris?lang=en&step=time&service=${ids.consultation}&practitioner=any`);
    expect(await app.screen.findByRole("heading", { name: "Choose a day" })).toBeInTheDocument();
    expect(app.screen.getByRole("complementary")).toHaveTextContent("Consultation");
    expect(app.screen.getByRole("complementary")).toHaveTextContent("First available");
  });

  it("opens the first missing step when a link skips one, and says so in the address", async () => {
    const app = renderApp(`/book/demo-paris?lang=en&step=confirm&service=${ids.consultation}&practitioner=any&time=${nineOnTuesday}`);
    expect(await app.screen.findByRole("heading", { name: "Your details" })).toBeInTheDocument();
    await waitFor(() => expect(search(app).step).toBe("details"));
  });

  it("drops what a hand-edited link gets wrong: an unknown service, a practitioner who does not give it, a malformed time", async () => {
    const app = renderApp(`/book/demo-paris?lang=en&step=time&service=${ids.consultation}&practitioner=${ids.arnaud}&time=tomorrow`);
    // Sophie Arnaud does not give consultations: the patient chooses again.
    expect(await app.screen.findByRole("heading", { name: "Choose a practitioner" })).toBeInTheDocument();
    expect(validateBookingSearch({ step: "pay", service: "x", practitioner: "'; drop", time: "2026-13-01T00:00Z", lang: "xx" })).toEqual({});
    expect(validateBookingSearch({ step: "time", service: ids.consultation, practitioner: "any", time: nineOnTuesday, lang: "de" })).toEqual({
      step: "time",
      service: ids.consultation,
      practitioner: "any",
      time: nineOnTuesday,
      lang: "de",
    });
  });

  it("keeps the typed details in this tab's storage, not in the address, so a reload on confirm keeps them", async () => {
    const first = renderApp(`/book/demo-paris?lang=en&step=details&service=${ids.consultation}&practitioner=any&time=${nineOnTuesday}`);
    await first.user.type(await first.screen.findByLabelText("Full name"), "Alice Patient");
    await first.user.type(first.screen.getByLabelText("E-mail"), "alice@example.test");
    await first.user.click(first.screen.getByRole("button", { name: "Continue" }));
    await first.screen.findByRole("heading", { name: "Confirm your appointment" });
    const address = first.router.state.location.href;
    expect(address).not.toContain("alice");
    expect(readBookingDraft("demo-paris")).toMatchObject({ detailsDone: true, details: { name: "Alice Patient", email: "alice@example.test" } });
    first.unmount();

    const reloaded = renderApp(address);
    expect(await reloaded.screen.findByRole("heading", { name: "Confirm your appointment" })).toBeInTheDocument();
    expect(reloaded.screen.getByText("alice@example.test")).toBeInTheDocument();
  });
});

describe("stepToShow", () => {
  it("shows the asked step when all before it are done, else the first not done", () => {
    const done = new Set(["service", "practitioner"]);
    expect(stepToShow("practitioner", (s) => done.has(s))).toBe("practitioner");
    expect(stepToShow("confirm", (s) => done.has(s))).toBe("time");
    expect(stepToShow(undefined, (s) => done.has(s))).toBe("time");
  });
});
