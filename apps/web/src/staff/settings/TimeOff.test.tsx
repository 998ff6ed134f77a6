import { fireEvent, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ids } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { demoWeek, settingsWorld } from "./test-fixtures";
import { callsOf, settingsProcedure } from "./test-trpc";
import type { ScheduleException } from "./types";

const holiday: ScheduleException = {
  id: "0b8f1c2e-9999-4000-8000-000000000001",
  practitionerId: ids.haddad,
  kind: "unavailable",
  // Midnight to midnight in Paris (UTC+1 in March).
  startsAt: "2026-03-09T23:00:00.000Z",
  endsAt: "2026-03-10T23:00:00.000Z",
  reason: "Congrès",
};

function openTimeOff() {
  const lists = callsOf("schedule.exceptions.list", () => [holiday]);
  const adds = callsOf("schedule.exceptions.add", (input) => ({ id: "0b8f1c2e-9999-4000-8000-000000000002", practitionerId: input.practitionerId, kind: input.kind, startsAt: input.startsAt, endsAt: input.endsAt, reason: input.reason ?? null }));
  const removals = callsOf("schedule.exceptions.remove", () => ({ removed: true }));
  server.use(
    ...settingsWorld("admin"),
    settingsProcedure("schedule.getWeek", (input) => ({ practitionerId: input.practitionerId, intervals: demoWeek })),
    lists.handler,
    adds.handler,
    removals.handler,
  );
  const app = renderApp(`/app/settings/hours?practitioner=${ids.haddad}`);
  return { ...app, lists: lists.calls, adds: adds.calls, removals: removals.calls };
}

describe("time off", () => {
  it("lists the year ahead in the clinic's clock, adds a day off typed on that clock, and removes one", async () => {
    const app = openTimeOff();
    const list = await app.screen.findByRole("list", { name: "Time off of Dr Yasmine Haddad" });
    // The browser is in Los Angeles; the day off reads as the clinic sees it.
    expect(list).toHaveTextContent("Time off: Tuesday, 10 March 2026 at 00:00 – Wednesday, 11 March 2026 at 00:00 (Congrès)");
    // The clinic's today (2 March in Paris) for a year.
    expect(app.lists[0]).toEqual({ practitionerId: ids.haddad, from: "2026-03-01T23:00:00.000Z", to: "2027-03-02T23:00:00.000Z" });

    const form = app.screen.getByRole("form", { name: "Add time off" });
    fireEvent.change(within(form).getByLabelText("First day"), { target: { value: "2026-03-16" } });
    fireEvent.change(within(form).getByLabelText("Last day"), { target: { value: "2026-03-15" } });
    await app.user.click(within(form).getByRole("button", { name: "Add" }));
    expect(within(form).getByLabelText("Until")).toHaveAccessibleDescription(/^End must be after start/);
    expect(app.adds).toEqual([]);

    fireEvent.change(within(form).getByLabelText("Last day"), { target: { value: "2026-03-20" } });
    await app.user.type(within(form).getByLabelText("Reason (optional)"), "Vacances");
    await app.user.click(within(form).getByRole("button", { name: "Add" }));
    await expect.poll(() => app.adds).toEqual([
      { practitionerId: ids.haddad, kind: "unavailable", startsAt: "2026-03-15T23:00:00.000Z", endsAt: "2026-03-20T23:00:00.000Z", reason: "Vacances" },
    ]);

    await app.user.click(within(list).getByRole("button", { name: /^Remove time off Tuesday, 10 March 2026/ }));
    await expect.poll(() => app.removals).toEqual([{ exceptionId: holiday.id }]);
  });

  it("places time off typed on a DST night where the calendar and the slot engine place it", async () => {
    const app = openTimeOff();
    const form = await app.screen.findByRole("form", { name: "Add time off" });
    const typeRange = async (fromDate: string, fromTime: string, untilDate: string, untilTime: string) => {
      fireEvent.change(within(form).getByLabelText("First day"), { target: { value: fromDate } });
      fireEvent.change(within(form).getByLabelText("Last day"), { target: { value: untilDate } });
      await app.user.clear(within(form).getByLabelText("From"));
      await app.user.type(within(form).getByLabelText("From"), fromTime);
      await app.user.clear(within(form).getByLabelText("Until"));
      await app.user.type(within(form).getByLabelText("Until"), untilTime);
      await app.user.click(within(form).getByRole("button", { name: "Add" }));
    };
    // Paris, 25 October 2026: 02:00-03:00 happens twice. 02:30 is its first occurrence (summer
    // time, 00:30Z), as the calendar grid and the engine read it; the old copy said 01:30Z.
    await typeRange("2026-10-25", "02:30", "2026-10-25", "03:30");
    await expect.poll(() => app.adds.at(-1)).toMatchObject({ startsAt: "2026-10-25T00:30:00.000Z", endsAt: "2026-10-25T02:30:00.000Z" });
    // 29 March 2026: 02:00 jumps to 03:00; 02:30 does not exist and means the instant after the gap.
    await typeRange("2026-03-29", "02:30", "2026-03-29", "04:00");
    await expect.poll(() => app.adds.at(-1)).toMatchObject({ startsAt: "2026-03-29T01:30:00.000Z", endsAt: "2026-03-29T02:00:00.000Z" });
  });
});
