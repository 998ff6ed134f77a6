import { within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { signedIn } from "../../test/staff-fixtures";
import { procedure } from "../../test/trpc";
import { reportCsv } from "./report-csv";
import { reportFormats, type Dashboard, type Figures } from "./report-format";

const figures = (over: Partial<Figures>): Figures => ({
  appointments: 0,
  cancelled: 0,
  lateCancellations: 0,
  noShows: 0,
  noShowRate: null,
  bookedMinutes: 0,
  workingMinutes: null,
  utilisation: null,
  online: 0,
  onlineShare: null,
  leadTimeMedianMinutes: null,
  newPatients: 0,
  ...over,
});

const report = (from: string, to: string): Dashboard => ({
  period: { from, to, timezone: "Europe/Paris", start: `${from}T00:00:00.000Z`, end: `${to}T00:00:00.000Z` },
  totals: figures({ appointments: 40, noShows: 2, noShowRate: 0.05, lateCancellations: 3, bookedMinutes: 1200, workingMinutes: 4800, utilisation: 0.25, online: 10, onlineShare: 0.25, leadTimeMedianMinutes: 4320, newPatients: 7 }),
  practitioners: [
    { id: "00000000-0000-4000-8000-000000000001", name: "Dr Claire Martin", active: true, ...figures({ appointments: 30, utilisation: 0.375, workingMinutes: 2400, bookedMinutes: 900 }) },
    { id: "00000000-0000-4000-8000-000000000002", name: "=HYPERLINK(\"x\")", active: true, ...figures({ appointments: 10, utilisation: 0.125, workingMinutes: 2400, bookedMinutes: 300 }) },
  ],
  services: [{ id: "00000000-0000-4000-8000-000000000003", name: "Consultation", active: true, ...figures({ appointments: 40, leadTimeMedianMinutes: 90 }) }],
});

const NOW = new Date("2026-12-15T10:00:00Z");

describe("the reports screen", () => {
  beforeAll(async () => {
    await Promise.all([import("../StaffLayout"), import("./ReportsPage")]);
  });

  it("shows the last 30 days in the clinic's zone, a table per practitioner and per service, and asks again for another period", async () => {
    const asked: Array<{ from: string; to: string }> = [];
    server.use(
      procedure("auth.me", () => signedIn("owner")),
      procedure("reports.dashboard", ({ input }) => {
        asked.push(input);
        return report(input.from, input.to);
      }),
    );
    const { screen, user } = renderApp("/app/reports", { now: () => NOW });
    expect(await screen.findByRole("heading", { level: 1, name: "Reports" }, { timeout: 5000 })).toBeInTheDocument();
    expect(await screen.findByText("From 2026-11-16 to 2026-12-15, days in Europe/Paris")).toBeInTheDocument();
    expect(asked[0]).toEqual({ from: "2026-11-16", to: "2026-12-15" });
    const clinic = within(screen.getByRole("region", { name: "The whole clinic" }));
    expect(clinic.getByText("No-show rate").nextSibling?.textContent).toBe("5%");
    expect(clinic.getByText("Median lead time").nextSibling?.textContent).toBe("3 days");
    const practitioners = within(screen.getByRole("table", { name: "By practitioner" }));
    const martin = practitioners.getByRole("row", { name: /Dr Claire Martin/ });
    expect(within(martin).getAllByRole("cell").map((cell) => cell.textContent)).toEqual(["30", "—", "0", "37.5%", "15 hr", "40 hr", "—", "—", "0"]);
    expect(within(screen.getByRole("table", { name: "By service" })).getByRole("row", { name: /Consultation/ })).toHaveTextContent("1.5 hr");
    await user.click(screen.getByRole("button", { name: "Last month" }));
    await expect.poll(() => asked.at(-1)).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(screen.getByRole("button", { name: "Download as CSV" })).toBeInTheDocument();
    await expect.poll(() => document.title).toMatch(/^Reports · /);
  });

  it("refuses a reversed period with the server's words, without asking the API", async () => {
    let calls = 0;
    server.use(
      procedure("auth.me", () => signedIn("admin")),
      procedure("reports.dashboard", ({ input }) => {
        calls += 1;
        return report(input.from, input.to);
      }),
    );
    const { screen, user } = renderApp("/app/reports", { now: () => NOW });
    await screen.findByText(/^From 2026-11-16/, undefined, { timeout: 5000 });
    const last = screen.getByLabelText("Last day");
    await user.clear(last);
    await user.type(last, "2026-01-01");
    await user.click(screen.getByRole("button", { name: "Show" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The end date must not be before the start date");
    expect(last).toHaveAttribute("aria-invalid", "true");
    expect(calls).toBe(1);
  });

  it("tells a receptionist it is for owners and admins, without asking the API", async () => {
    server.use(procedure("auth.me", () => signedIn("receptionist")));
    const { screen } = renderApp("/app/reports", { now: () => NOW });
    expect(await screen.findByText("Reports are for the clinic's owners and admins.", undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Reports" })).not.toBeInTheDocument();
  });
});

describe("the report's CSV", () => {
  it("has the tables' columns, one row per group, and defuses names a spreadsheet would run", () => {
    const t = (key: string) => key.replace(/^reports\.(col|group)\./, "");
    const lines = reportCsv(report("2026-11-01", "2026-11-30"), t, reportFormats("en")).replace("\uFEFF", "").split("\r\n");
    expect(lines[0]).toBe("group,name,appointments,noShowRate,lateCancellations,utilisation,booked,working,onlineShare,leadTime,newPatients");
    expect(lines[1]).toBe("clinic,2026-11-01 – 2026-11-30,40,5%,3,25%,20 hr,80 hr,25%,3 days,7");
    expect(lines[3]).toMatch(/^practitioner,"'=HYPERLINK\(""x""\)",/);
    expect(lines).toHaveLength(6);
  });
});
