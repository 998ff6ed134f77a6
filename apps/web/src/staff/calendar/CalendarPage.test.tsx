import { act, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ids } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { appointment, calendarDay, signedIn } from "../../test/staff-fixtures";
import { procedure, recorder, TrpcErrorAnswer } from "../../test/trpc";

function signedInWith(range = calendarDay()) {
  const ranges = recorder<"calendar.range">();
  server.use(
    procedure("auth.me", () => signedIn()),
    procedure("calendar.range", (call) => {
      ranges.record(call);
      return range;
    }),
  );
  return ranges;
}

describe("the calendar's day view", () => {
  // Lazy chunks compiled once here, so the first test times the page, not the compiler.
  beforeAll(async () => {
    await Promise.all([import("../StaffLayout"), import("./CalendarPage")]);
  });

  it("runs in a zone other than the clinic's", () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe("America/Los_Angeles");
  });

  it("shows a column per practitioner and places an appointment at the clinic's time, not the browser's", async () => {
    signedInWith();
    const { screen } = renderApp("/app/calendar?date=2026-03-03");
    const column = await screen.findByRole("region", { name: "Dr Claire Martin" });
    expect(screen.getByRole("region", { name: "Dr Yasmine Haddad" })).toBeInTheDocument();
    // 08:00 UTC is 09:00 in Paris (and midnight in Los Angeles, where the test runs).
    const block = within(column).getByRole("article", { name: "09:00 Jean Dupont" });
    expect(block).toHaveTextContent("09:00–09:30");
    expect(block).toHaveTextContent("Consultation");
    expect(block).toHaveTextContent("Confirmed");
    expect(block).toHaveAttribute("data-status", "confirmed");
    // The grid starts at 08:00 with rows of a quarter of an hour: 09:00 is row 5.
    expect(block.style.gridRowStart).toBe("5");
    expect(block.style.gridRowEnd).toBe("7");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(/Tuesday,? 3 March 2026/);
  });

  it("opens on today in the clinic's zone when the browser's day is still yesterday", async () => {
    const ranges = signedInWith();
    // 07:30 on Tuesday in Paris, 22:30 on Monday in Los Angeles.
    const { screen } = renderApp("/app/calendar", { now: () => new Date("2026-03-03T06:30:00Z") });
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent(/Tuesday,? 3 March 2026/);
    await expect.poll(() => ranges.calls).toContainEqual({ from: "2026-03-03", to: "2026-03-03" });
  });

  it("moves between days with the buttons and with t, ← and →", async () => {
    const ranges = signedInWith();
    const { screen, user, router } = renderApp("/app/calendar?date=2026-03-03");
    await screen.findByRole("region", { name: "Dr Claire Martin" });

    await user.click(screen.getByRole("button", { name: "Next day" }));
    expect(router.state.location.search).toEqual({ date: "2026-03-04" });
    await user.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(router.state.location.search).toEqual({ date: "2026-03-02" });
    await user.keyboard("{ArrowRight}");
    expect(router.state.location.search).toEqual({ date: "2026-03-03" });
    await user.keyboard("t");
    // Today by the pinned clock (fixtures.ts): Monday 2 March in Paris.
    expect(router.state.location.search).toEqual({ date: "2026-03-02" });
    await user.click(screen.getByRole("button", { name: "Previous day" }));
    expect(router.state.location.search).toEqual({ date: "2026-03-01" });
    await expect.poll(() => ranges.calls.map((call) => call.from)).toContain("2026-03-01");
  });

  it("says so when the day has no appointments, and when the clinic has no practitioners", async () => {
    // The range answer also carries the next morning's appointments; they are not this day's.
    signedInWith(calendarDay([appointment({ start: "2026-03-04T08:00:00.000Z", end: "2026-03-04T08:30:00.000Z" })]));
    const { screen, unmount } = renderApp("/app/calendar?date=2026-03-03");
    expect(await screen.findByText("No appointments on this day.")).toBeInTheDocument();
    unmount();

    signedInWith({ timezone: "Europe/Paris", locale: "en-GB", practitioners: [], appointments: [] });
    renderApp("/app/calendar?date=2026-03-03");
    expect(await screen.findByText(/no practitioners yet/)).toBeInTheDocument();
  });

  it("explains a failure and offers to try again", async () => {
    let fail = true;
    server.use(
      procedure("auth.me", () => signedIn()),
      procedure("calendar.range", () => (fail ? new TrpcErrorAnswer("INTERNAL_SERVER_ERROR", "Something broke (request abc123)") : calendarDay())),
    );
    const { screen, user } = renderApp("/app/calendar?date=2026-03-03");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The calendar could not be loaded");
    expect(alert).toHaveTextContent("request abc123");
    fail = false;
    await user.click(within(alert).getByRole("button"));
    expect(await screen.findByRole("article", { name: "09:00 Jean Dupont" })).toBeInTheDocument();
  });

  it("shows each practitioner only their own appointments", async () => {
    signedInWith(calendarDay([appointment(), appointment({ id: "other", practitionerId: ids.haddad, patientName: "Marie Curie" })]));
    const { screen } = renderApp("/app/calendar?date=2026-03-03");
    const haddad = await screen.findByRole("region", { name: "Dr Yasmine Haddad" });
    expect(within(haddad).getByRole("article")).toHaveTextContent("Marie Curie");
  });
});

/** Stands in for the browser's EventSource (jsdom has none), driven by the test. */
class FakeEventSource {
  static last: FakeEventSource | null = null;
  onmessage: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onopen: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  close() {
    this.closed = true;
  }
}

describe("the calendar's live updates", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeEventSource.last = null;
  });

  it("re-reads the day on each change, says when it is reconnecting, and re-reads when back", async () => {
    vi.stubGlobal("EventSource", FakeEventSource);
    const ranges = signedInWith();
    const { screen, unmount } = renderApp("/app/calendar?date=2026-03-03");
    await screen.findByRole("region", { name: "Dr Claire Martin" });
    const feed = FakeEventSource.last!;
    expect(feed.url).toBe("/trpc/calendar.changes");
    const before = ranges.calls.length;

    act(() => feed.onmessage?.());
    await expect.poll(() => ranges.calls.length).toBe(before + 1);

    act(() => feed.onerror?.());
    expect(await screen.findByText(/^Reconnecting to live updates/)).toHaveAttribute("role", "status");
    act(() => feed.onopen?.());
    await expect.poll(() => ranges.calls.length).toBe(before + 2);
    expect(screen.queryByText(/Reconnecting/)).not.toBeInTheDocument();

    unmount();
    expect(feed.closed).toBe(true);
  });
});
