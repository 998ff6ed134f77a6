import { within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ids } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { TrpcErrorAnswer } from "../../test/trpc";
import { demoWeek, settingsWorld } from "./test-fixtures";
import { callsOf, settingsProcedure } from "./test-trpc";
import type { WeeklyInterval } from "./types";

function openHours(week: WeeklyInterval[] = demoWeek, answerSave?: (intervals: WeeklyInterval[]) => TrpcErrorAnswer | null) {
  const saves = callsOf("schedule.setWeek", (input) => answerSave?.(input.intervals) ?? { practitionerId: input.practitionerId, intervals: input.intervals });
  server.use(
    ...settingsWorld("admin"),
    settingsProcedure("schedule.getWeek", (input) => ({ practitionerId: input.practitionerId, intervals: week })),
    settingsProcedure("schedule.exceptions.list", () => []),
    saves.handler,
  );
  const app = renderApp(`/app/settings/hours?practitioner=${ids.haddad}`);
  return { ...app, saves: saves.calls };
}

type App = ReturnType<typeof openHours>;
const field = (app: App, day: string, interval: number, which: "start" | "end") =>
  app.screen.findByLabelText(new RegExp(`^${day} interval ${interval} ${which}$`, "i"));

async function retype(app: App, input: HTMLElement, value: string) {
  await app.user.clear(input);
  if (value) await app.user.type(input, value);
}

async function save(app: App) {
  await app.user.click(app.screen.getByRole("button", { name: "Save weekly hours" }));
}

describe("the weekly hours editor", () => {
  it("shows the chosen practitioner's week, several intervals a day, and days off", async () => {
    const app = openHours();
    expect(await app.screen.findByRole("heading", { name: "Weekly hours of Dr Yasmine Haddad" })).toBeInTheDocument();
    expect(app.screen.getByLabelText("Practitioner")).toHaveValue(ids.haddad);
    expect(await field(app, "Monday", 1, "start")).toHaveValue("09:00");
    expect(await field(app, "Monday", 2, "end")).toHaveValue("18:00");
    const sunday = app.screen.getByRole("group", { name: "Sunday" });
    expect(within(sunday).getByText("Not working")).toBeInTheDocument();
  });

  it("refuses an end before its start, on the end field, and sends nothing", async () => {
    const app = openHours();
    const end = await field(app, "Tuesday", 1, "end");
    await retype(app, end, "08:00");
    await save(app);
    expect(end).toHaveAccessibleDescription("End must be after start");
    expect(end).toHaveAttribute("aria-invalid", "true");
    expect(end).toHaveFocus();
    expect(app.screen.getByRole("alert")).toHaveTextContent("Nothing was saved: one thing needs fixing above.");
    // A second try, from the button, lands on the field again.
    await save(app);
    expect(end).toHaveFocus();
    expect(app.saves).toEqual([]);
  });

  it("refuses an interval that ends when it starts", async () => {
    const app = openHours();
    const end = await field(app, "Tuesday", 2, "end");
    await retype(app, end, "13:30");
    await save(app);
    expect(end).toHaveAccessibleDescription("End must be after start");
    expect(app.saves).toEqual([]);
  });

  it("refuses two intervals that overlap on the same day, naming the one overlapped", async () => {
    const app = openHours();
    const secondStart = await field(app, "Wednesday", 2, "start");
    await retype(app, secondStart, "12:00");
    await save(app);
    expect(secondStart).toHaveAccessibleDescription("Overlaps 09:00–12:30 on Wednesday");
    expect(app.saves).toEqual([]);
  });

  it("refuses missing and malformed times, each on its own field", async () => {
    const app = openHours();
    const start = await field(app, "Thursday", 1, "start");
    const end = await field(app, "Thursday", 2, "end");
    await retype(app, start, "");
    await retype(app, end, "25:00");
    await save(app);
    expect(start).toHaveAccessibleDescription("Enter a start time");
    expect(end).toHaveAccessibleDescription("Use HH:MM between 00:01 and 24:00 (24:00 is midnight at the end of the day)");
    expect(app.screen.getByRole("alert")).toHaveTextContent("2 things need fixing");
    expect(app.saves).toEqual([]);
  });

  it("clears an error as soon as the field is corrected, then saves", async () => {
    const app = openHours();
    const end = await field(app, "Friday", 1, "end");
    await retype(app, end, "8:00");
    await save(app);
    expect(end).toHaveAccessibleDescription("End must be after start");
    await retype(app, end, "12:00");
    expect(end).not.toHaveAttribute("aria-invalid");
    await save(app);
    expect(await app.screen.findByText("Weekly hours saved for Dr Yasmine Haddad.")).toBeInTheDocument();
    expect(app.saves).toHaveLength(1);
    expect(app.saves[0]?.intervals).toContainEqual({ weekday: 5, start: "09:00", end: "12:00" });
  });

  it("accepts intervals that touch and an evening that ends at 24:00", async () => {
    const app = openHours();
    await retype(app, await field(app, "Monday", 2, "start"), "12:30");
    await app.user.click(app.screen.getByRole("button", { name: "Add interval on Monday" }));
    const third = await field(app, "Monday", 3, "start");
    expect(third).toHaveFocus();
    await retype(app, third, "20:00");
    await retype(app, await field(app, "Monday", 3, "end"), "24:00");
    await save(app);
    await expect.poll(() => app.saves.length).toBe(1);
    expect(app.saves[0]).toEqual({
      practitionerId: ids.haddad,
      intervals: [
        { weekday: 1, start: "09:00", end: "12:30" },
        { weekday: 1, start: "12:30", end: "18:00" },
        { weekday: 1, start: "20:00", end: "24:00" },
        ...demoWeek.filter((i) => i.weekday !== 1),
      ],
    });
  });

  it("copies Monday over Tuesday to Friday and leaves the weekend alone", async () => {
    const app = openHours([...demoWeek, { weekday: 6, start: "09:00", end: "12:00" }]);
    await app.user.click(await app.screen.findByRole("button", { name: "Remove Monday interval 2" }));
    expect(app.screen.getByRole("button", { name: "Add interval on Monday" })).toHaveFocus();
    await retype(app, await field(app, "Monday", 1, "start"), "08:00");
    await retype(app, await field(app, "Monday", 1, "end"), "16:00");
    await app.user.click(app.screen.getByRole("button", { name: "Copy Monday to all weekdays" }));
    for (const day of ["Tuesday", "Wednesday", "Thursday", "Friday"]) {
      expect(await field(app, day, 1, "start")).toHaveValue("08:00");
      expect(await field(app, day, 1, "end")).toHaveValue("16:00");
      expect(app.screen.queryByLabelText(new RegExp(`^${day} interval 2 start$`, "i"))).not.toBeInTheDocument();
    }
    expect(await field(app, "Saturday", 1, "end")).toHaveValue("12:00");
    await save(app);
    await expect.poll(() => app.saves.length).toBe(1);
    expect(app.saves[0]?.intervals).toEqual([
      ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "08:00", end: "16:00" })),
      { weekday: 6, start: "09:00", end: "12:00" },
    ]);
  });

  it("stops adding at twelve intervals a day, like the server", async () => {
    const app = openHours([]);
    const add = await app.screen.findByRole("button", { name: "Add interval on Sunday" });
    for (let i = 0; i < 12; i++) await app.user.click(add);
    expect(await field(app, "Sunday", 12, "start")).toBeInTheDocument();
    expect(add).toBeDisabled();
  });

  it("shows the server's refusal when it still says no, and keeps the edits", async () => {
    const app = openHours(demoWeek, () => new TrpcErrorAnswer("BAD_REQUEST", "[zod report]", { fieldErrors: { intervals: ["At most 12 intervals per day"] } }));
    const start = await field(app, "Monday", 1, "start");
    await retype(app, start, "07:00");
    await save(app);
    const refusal = await app.screen.findByRole("alert");
    expect(refusal).toHaveTextContent("The hours were not saved");
    expect(refusal).toHaveTextContent("At most 12 intervals per day");
    expect(refusal).not.toHaveTextContent("zod");
    expect(start).toHaveValue("07:00");
  });

  it("asks before another practitioner's week replaces unsaved edits", async () => {
    const app = openHours();
    await retype(app, await field(app, "Monday", 1, "start"), "08:00");
    expect(app.screen.getByText("Unsaved changes")).toBeInTheDocument();
    await app.user.selectOptions(app.screen.getByLabelText("Practitioner"), "Dr Claire Martin");
    const dialog = await app.screen.findByRole("dialog", { name: "Leave without saving?" });
    await app.user.click(within(dialog).getByRole("button", { name: "Stay and keep editing" }));
    expect(app.screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(await field(app, "Monday", 1, "start")).toHaveValue("08:00");
    expect(app.router.state.location.search).toEqual({ practitioner: ids.haddad });

    await app.user.selectOptions(app.screen.getByLabelText("Practitioner"), "Dr Claire Martin");
    await app.user.click(within(await app.screen.findByRole("dialog")).getByRole("button", { name: "Leave without saving" }));
    expect(await app.screen.findByRole("heading", { name: "Weekly hours of Dr Claire Martin" })).toBeInTheDocument();
    expect(await field(app, "Monday", 1, "start")).toHaveValue("09:00");
    expect(app.saves).toEqual([]);
  });
});
