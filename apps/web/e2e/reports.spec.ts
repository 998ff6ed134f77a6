// The owners' reports (issue 21) at a desktop's 1440 px and a tablet's 1024 px: the figures of the
// demo clinic's seeded weeks as the API computes them, the tables beside their charts, a CSV
// download; axe on the screen and a screenshot at each width.
import { readFile } from "node:fs/promises";
import { expect, PARIS_STAFF, signIn, test } from "./fixtures";
import { judge } from "./judge";

interface Dashboard {
  period: { from: string; to: string };
  totals: { appointments: number; newPatients: number };
  practitioners: Array<{ name: string; appointments: number }>;
  services: Array<{ name: string }>;
}

for (const width of [1440, 1024]) {
  test(`at ${width} px an owner reads the clinic's reports and downloads them as CSV`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, PARIS_STAFF.owner, "/app/sign-in");
    await page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Reports" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
    await expect(page).toHaveTitle("Reports · Cabinet Demo Paris");
    const covered = page.getByText(/^From \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}, days in Europe\/Paris$/);
    await expect(covered).toBeVisible();
    const [, from, to] = /^From (\S+) to (\S+),/.exec((await covered.textContent())!)!;

    // What the API answers for the same period, in this member's session.
    const answer = await page.request.get(`/trpc/reports.dashboard?input=${encodeURIComponent(JSON.stringify({ from, to }))}`);
    expect(answer.status()).toBe(200);
    const report = ((await answer.json()) as { result: { data: Dashboard } }).result.data;
    // The seed books the two weeks before and after today: the last 30 days hold some of them.
    expect(report.totals.appointments).toBeGreaterThan(10);
    const clinic = page.getByRole("region", { name: "The whole clinic" });
    await expect(clinic.getByText("Appointments", { exact: true }).locator("xpath=following-sibling::dd")).toHaveText(new Intl.NumberFormat("en").format(report.totals.appointments));
    const byPractitioner = page.getByRole("table", { name: "By practitioner" });
    await expect(byPractitioner.locator("tbody tr")).toHaveCount(report.practitioners.length);
    const first = report.practitioners[0]!;
    await expect(byPractitioner.getByRole("row", { name: new RegExp(first.name) }).getByRole("cell").first()).toHaveText(String(first.appointments));
    await expect(page.getByRole("table", { name: "By service" }).locator("tbody tr")).toHaveCount(report.services.length);
    // Each table has its chart drawn above it.
    await expect(page.locator("figure canvas")).toHaveCount(2);
    // Screenshots kept under test-results/reports (gitignored), as the issue asks.
    await judge(page, "reports", "reports", [width]);

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download as CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`report-${from}-${to}.csv`);
    const csv = await readFile(await file.path(), "utf8");
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toMatch(/^Group,Name,Appointments,No-show rate,/);
    // The header, the clinic, then each practitioner and service.
    expect(lines).toHaveLength(2 + report.practitioners.length + report.services.length);
    expect(lines[1]).toContain(`Clinic,${from} – ${to},${new Intl.NumberFormat("en").format(report.totals.appointments)}`);
  });
}
