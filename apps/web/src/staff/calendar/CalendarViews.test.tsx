import { within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ids } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { appointment, calendarDay, signedIn } from "../../test/staff-fixtures";
import { procedure, recorder } from "../../test/trpc";
import { answer, practitionersList, servicesList } from "./test-fixtures";

function calendarOf(range = calendarDay()) {
  const ranges = recorder<"calendar.range">();
  server.use(
    procedure("auth.me", () => signedIn()),
    procedure("calendar.range", (call) => {
      ranges.record(call);
      return range;
    }),
    answer("practitioners.list", () => practitionersList()),
    answer("services.list", () => servicesList()),
  );
  return ranges;
}

const WEEK = `/app/calendar?date=2026-03-04&view=week&practitioner=${ids.martin}`;

describe("the week view", () => {
  it("shows one practitioner's week, Monday to Sunday, a column per day, every time on the clinic's clock", async () => {
    const thursday = appointment({ id: "thu", start: "2026-03-05T13:00:00.000Z", end: "2026-03-05T14:00:00.000Z", patientName: "Marie Curie" }); // 14:00 Paris
    const haddads = appointment({ id: "haddad", practitionerId: ids.haddad, patientName: "Louis Pasteur" });
    const ranges = calendarOf(calendarDay([appointment(), thursday, haddads]));
    const { screen } = renderApp(WEEK);

    const grid = await screen.findByRole("group", { name: "Week calendar" });
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(/Week of Monday,? 2 March 2026/);
    await expect.poll(() => ranges.calls).toContainEqual({ from: "2026-03-02", to: "2026-03-08" });
    expect(within(grid).getAllByRole("region")).toHaveLength(7);
    expect(within(grid).getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent)).toEqual([
      "Mon 2 March",
      "Tue 3 March",
      "Wed 4 March",
      "Thu 5 March",
      "Fri 6 March",
      "Sat 7 March",
      "Sun 8 March",
    ]);
    // 09:00 in Paris on Tuesday (midnight in Los Angeles): row 5 of a grid starting at 08:00.
    const tuesdayVisit = within(screen.getByRole("region", { name: "Tue 3 March" })).getByRole("article", { name: "09:00 Jean Dupont" });
    expect(tuesdayVisit.style.gridRowStart).toBe("5");
    const thursdayVisit = within(screen.getByRole("region", { name: "Thu 5 March" })).getByRole("article", { name: "14:00 Marie Curie" });
    expect(thursdayVisit).toHaveTextContent("14:00–15:00");
    // Another practitioner's appointment is not in Dr Martin's week.
    expect(screen.queryByText("Louis Pasteur")).toBeNull();
    expect(screen.getByLabelText("Practitioner")).toHaveValue(ids.martin);
  });

  it("steps by a week, switches practitioner and goes back to the day view through the address", async () => {
    calendarOf();
    const { screen, user, router } = renderApp(WEEK);
    await screen.findByRole("group", { name: "Week calendar" });
    await user.click(screen.getByRole("button", { name: "Next week" }));
    expect(router.state.location.search).toEqual({ date: "2026-03-11", view: "week", practitioner: ids.martin });
    await user.selectOptions(screen.getByLabelText("Practitioner"), "Dr Yasmine Haddad");
    expect(router.state.location.search).toEqual({ date: "2026-03-11", view: "week", practitioner: ids.haddad });
    await user.click(screen.getByRole("button", { name: "Day" }));
    expect(router.state.location.search).toEqual({ date: "2026-03-11" });
    expect(await screen.findByRole("group", { name: "Day calendar" })).toBeInTheDocument();
  });

  it("books from a day's column with that day and the practitioner of the week", async () => {
    calendarOf();
    const { screen, user } = renderApp(WEEK);
    const friday = await screen.findByRole("region", { name: "Fri 6 March" });
    await user.click(within(friday).getByTitle("Book 16:45"));
    const dialog = await screen.findByRole("dialog", { name: "New appointment" });
    expect(await within(dialog).findByLabelText("Practitioner")).toHaveValue(ids.martin);
    expect(within(dialog).getByLabelText("Date")).toHaveValue("2026-03-06");
    expect(within(dialog).getByLabelText(/^Start/)).toHaveValue("16:45");
  });
});

describe("the current-time line", () => {
  it("crosses today's column at the clinic's time, not the browser's", async () => {
    calendarOf();
    // 10:30 in Paris on Tuesday 3 March; 01:30 in Los Angeles.
    const { screen } = renderApp("/app/calendar?date=2026-03-02&view=week&practitioner=" + ids.martin, { now: () => new Date("2026-03-03T09:30:00Z") });
    const tuesday = await screen.findByRole("region", { name: "Tue 3 March" });
    const line = within(tuesday).getByTestId("now-line");
    // 150 minutes after the grid's 08:00 start: 10 rows of a quarter of an hour.
    expect(line.style.top).toBe("calc(var(--row-height) * 10)");
    expect(line).toHaveAttribute("title", "Now: 10:30");
    expect(screen.getAllByTestId("now-line")).toHaveLength(1);
  });

  it("is not drawn on another day", async () => {
    calendarOf();
    const { screen } = renderApp("/app/calendar?date=2026-03-04", { now: () => new Date("2026-03-03T09:30:00Z") });
    await screen.findByRole("region", { name: "Dr Claire Martin" });
    expect(screen.queryByTestId("now-line")).toBeNull();
  });
});

describe("choosing the practitioners shown", () => {
  afterEach(() => window.localStorage.clear());

  it("hides a practitioner's column and remembers it in this browser for this clinic", async () => {
    calendarOf();
    const first = renderApp("/app/calendar?date=2026-03-03");
    await first.screen.findByRole("region", { name: "Dr Yasmine Haddad" });
    await first.user.click(first.screen.getByText("Practitioners shown: 2 of 2"));
    await first.user.click(first.screen.getByRole("checkbox", { name: "Dr Yasmine Haddad" }));
    expect(first.screen.queryByRole("region", { name: "Dr Yasmine Haddad" })).toBeNull();
    expect(first.screen.getByText("Practitioners shown: 1 of 2")).toBeInTheDocument();
    expect(JSON.parse(window.localStorage.getItem(`frontdesk.calendar.hiddenPractitioners.${ids.clinic}`)!)).toEqual([ids.haddad]);
    first.unmount();

    const again = renderApp("/app/calendar?date=2026-03-04");
    expect(await again.screen.findByRole("region", { name: "Dr Claire Martin" })).toBeInTheDocument();
    expect(again.screen.queryByRole("region", { name: "Dr Yasmine Haddad" })).toBeNull();
  });
});

describe("the calendar's keyboard shortcuts", () => {
  it("opens a new appointment with n and the list of shortcuts with ?, and leaves keys alone in a field or a dialog", async () => {
    calendarOf();
    const { screen, user, router } = renderApp("/app/calendar?date=2026-03-03");
    await screen.findByRole("region", { name: "Dr Claire Martin" });

    await user.keyboard("?");
    const help = screen.getByRole("dialog", { name: "Keyboard shortcuts" });
    expect(help).toHaveTextContent("New appointment");
    // Keys inside a dialog are the dialog's.
    await user.keyboard("{ArrowRight}n");
    expect(router.state.location.search).toEqual({ date: "2026-03-03" });
    expect(screen.queryByRole("dialog", { name: "New appointment" })).toBeNull();
    await user.click(within(help).getByRole("button", { name: "Close" }));

    // Typing in the date field is typing.
    screen.getByLabelText("Go to date").focus();
    await user.keyboard("t");
    expect(router.state.location.search).toEqual({ date: "2026-03-03" });
    screen.getByLabelText("Go to date").blur();

    await user.keyboard("n");
    const dialog = await screen.findByRole("dialog", { name: "New appointment" });
    // Not today (the pinned clock says Monday 2 March): the top of the day's grid, 08:00.
    expect(await within(dialog).findByLabelText(/^Start/)).toHaveValue("08:00");
    expect(within(dialog).getByLabelText("Date")).toHaveValue("2026-03-03");
  });
});

describe("the clinic's locale", () => {
  it("writes dates and times as the clinic does (French for the Paris clinic), and English where the clinic names no locale the browser knows", async () => {
    calendarOf({ ...calendarDay(), locale: "fr-FR" });
    const { screen, unmount } = renderApp("/app/calendar?date=2026-03-03");
    expect(await screen.findByRole("heading", { level: 1, name: "mardi 3 mars 2026" })).toBeInTheDocument();
    expect(screen.getByRole("article", { name: "09:00 Jean Dupont" })).toBeInTheDocument();
    unmount();

    calendarOf({ ...calendarDay(), locale: "not a locale" });
    renderApp("/app/calendar?date=2026-03-03");
    expect(await screen.findByRole("heading", { level: 1, name: /Tuesday,? 3 March 2026/ })).toBeInTheDocument();
  });

  it("starts the week on the clinic's first weekday (Sunday in the United States)", async () => {
    const ranges = calendarOf({ ...calendarDay(), locale: "en-US" });
    const { screen } = renderApp(`/app/calendar?date=2026-03-04&view=week&practitioner=${ids.martin}`);
    expect(await screen.findByRole("heading", { level: 1, name: "Week of Sunday, March 1, 2026" })).toBeInTheDocument();
    expect(ranges.calls).toContainEqual({ from: "2026-03-01", to: "2026-03-07" });
    expect(screen.getByRole("article", { name: "9:00 AM Jean Dupont" })).toBeInTheDocument();
  });
});
