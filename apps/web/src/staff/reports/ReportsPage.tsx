// The owners' dashboard (reports.dashboard, ADR 0053): a period of local days in the clinic's zone,
// the clinic's figures, then a table and a chart per practitioner and per service. Each table is
// the accessible form of its chart (the chart is a picture of the same numbers); CSV exports them.
import { addDays, addMonths, can, reportPeriod, startOfMonth, endOfMonth, todayIn } from "@frontdesk/domain";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useId, useMemo, useState, type FormEvent } from "react";
import { describeFailure } from "../../api/failure";
import { useTRPC } from "../../api/trpc";
import { useEnvironment } from "../../environment";
import { useStaffText } from "../../i18n/staff/useStaffText";
import { saveCsv } from "../../lib/csv";
import { Button } from "../../ui/Button";
import { ErrorNotice } from "../../ui/Notice";
import { Skeleton } from "../../ui/Skeleton";
import { useStaffSession } from "../StaffLayout";
import { reportCsv } from "./report-csv";
import { REPORT_COLUMNS, reportFormats, type Dashboard, type Figures, type ReportFormats } from "./report-format";
import styles from "./reports.module.css";

// The charting library comes with this chunk only when a chart is drawn.
const ReportChart = lazy(() => import("./ReportChart"));

interface Period {
  from: string;
  to: string;
}

export function ReportsPage() {
  const { membership } = useStaffSession();
  const { t, language } = useStaffText();
  const { now } = useEnvironment();
  const today = todayIn(membership.timezone, now());
  const presets: Array<{ label: string; period: Period }> = [
    { label: t("reports.preset.lastThirtyDays"), period: { from: addDays(today, -29), to: today } },
    { label: t("reports.preset.thisMonth"), period: { from: startOfMonth(today), to: today } },
    { label: t("reports.preset.lastMonth"), period: { from: startOfMonth(addMonths(startOfMonth(today), -1)), to: endOfMonth(addMonths(startOfMonth(today), -1)) } },
    { label: t("reports.preset.lastYear"), period: { from: addDays(addMonths(today, -12), 1), to: today } },
  ];
  const [draft, setDraft] = useState<Period>(presets[0]!.period);
  const [applied, setApplied] = useState<Period>(presets[0]!.period);
  const [problem, setProblem] = useState<{ field: string; message: string } | undefined>();
  const allowed = can(membership.role, "reports.dashboard");
  const trpc = useTRPC();
  const report = useQuery({ ...trpc.reports.dashboard.queryOptions(applied), enabled: allowed });
  const formats = useMemo(() => reportFormats(language), [language]);
  const fromId = useId();
  const toId = useId();
  const errorId = useId();

  if (!allowed) {
    return (
      <>
        <h1>{t("reports.title")}</h1>
        <p>{t("reports.refused")}</p>
      </>
    );
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    // The server's own rule for a period (the same schema), so the answer is never a surprise.
    const checked = reportPeriod.safeParse(draft);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      setProblem({ field: String(issue.path[0] ?? "to"), message: issue.message });
      return;
    }
    setProblem(undefined);
    setApplied(checked.data);
  }

  return (
    <>
      <h1>{t("reports.title")}</h1>
      <form className={styles.period} onSubmit={apply} noValidate aria-label={t("reports.period")}>
        <div className={styles.field}>
          <label htmlFor={fromId}>{t("reports.from")}</label>
          <input id={fromId} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} aria-invalid={problem?.field === "from" || undefined} aria-describedby={problem?.field === "from" ? errorId : undefined} />
        </div>
        <div className={styles.field}>
          <label htmlFor={toId}>{t("reports.to")}</label>
          <input id={toId} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} aria-invalid={problem?.field === "to" || undefined} aria-describedby={problem?.field === "to" ? errorId : undefined} />
        </div>
        <Button type="submit">{t("reports.show")}</Button>
        <div className={styles.presets} role="group" aria-label={t("reports.presets")}>
          {presets.map((preset) => (
            <Button
              key={preset.label}
              variant="secondary"
              onClick={() => {
                setDraft(preset.period);
                setProblem(undefined);
                setApplied(preset.period);
              }}
            >
              {preset.label}
            </Button>
          ))}
        </div>
        {problem ? (
          <p id={errorId} className={styles.error} role="alert">
            {problem.message}
          </p>
        ) : null}
      </form>
      {report.isPending ? (
        <div aria-busy="true">
          <span className="visually-hidden">{t("reports.loading")}</span>
          <Skeleton height="16rem" />
        </div>
      ) : report.isError ? (
        <ErrorNotice title={t("reports.failed")} message={describeFailure(report.error).message} onRetry={() => void report.refetch()} />
      ) : (
        <ReportView report={report.data} formats={formats} />
      )}
    </>
  );
}

function ReportView({ report, formats }: { report: Dashboard; formats: ReportFormats }) {
  const { t } = useStaffText();
  const totals = report.totals;
  const summary: Array<[string, string]> = [
    ["reports.col.appointments", formats.count(totals.appointments)],
    ["reports.col.noShowRate", formats.percent(totals.noShowRate)],
    ["reports.col.lateCancellations", formats.count(totals.lateCancellations)],
    ["reports.col.utilisation", formats.percent(totals.utilisation)],
    ["reports.col.onlineShare", formats.percent(totals.onlineShare)],
    ["reports.col.leadTime", formats.lead(totals.leadTimeMedianMinutes)],
    ["reports.col.newPatients", formats.count(totals.newPatients)],
  ];
  return (
    <>
      <div className={styles.toolbar}>
        <p className={styles.covered}>{t("reports.covered", { from: report.period.from, to: report.period.to, zone: report.period.timezone })}</p>
        <Button variant="secondary" onClick={() => saveCsv(`report-${report.period.from}-${report.period.to}.csv`, reportCsv(report, t, formats))}>
          {t("reports.csv")}
        </Button>
      </div>
      <section aria-labelledby="reports-clinic">
        <h2 id="reports-clinic">{t("reports.clinic")}</h2>
        <dl className={styles.summary}>
          {summary.map(([label, value]) => (
            <div key={label} className={styles.figure}>
              <dt>{t(label)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <ReportSection
        id="reports-practitioners"
        title={t("reports.byPractitioner")}
        rows={report.practitioners}
        formats={formats}
        chart={{ label: t("reports.chart.utilisation"), value: (f) => f.utilisation ?? 0, format: (v) => formats.percent(v) }}
      />
      <ReportSection
        id="reports-services"
        title={t("reports.byService")}
        rows={report.services}
        formats={formats}
        chart={{ label: t("reports.chart.appointments"), value: (f) => f.appointments, format: (v) => formats.count(v) }}
      />
    </>
  );
}

interface ChartChoice {
  label: string;
  value: (figures: Figures) => number;
  format: (value: number) => string;
}

function ReportSection({ id, title, rows, formats, chart }: { id: string; title: string; rows: Array<Figures & { id: string; name: string }>; formats: ReportFormats; chart: ChartChoice }) {
  const { t } = useStaffText();
  return (
    <section aria-labelledby={id} className={styles.section}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p>{t("reports.none")}</p>
      ) : (
        <>
          <Suspense fallback={<Skeleton height="14rem" />}>
            <ReportChart title={`${title}: ${chart.label}`} labels={rows.map((row) => row.name)} values={rows.map(chart.value)} format={chart.format} />
          </Suspense>
          {/* Scrolls sideways on a narrow screen: focusable, so a keyboard can scroll it too. */}
          <div className={styles.tableWrap} role="group" aria-labelledby={id} tabIndex={0}>
            <table className={styles.table}>
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("reports.col.name")}</th>
                  {REPORT_COLUMNS.map((column) => (
                    <th key={column.label} scope="col">
                      {t(column.label)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">{row.name}</th>
                    {REPORT_COLUMNS.map((column) => (
                      <td key={column.label}>{column.cell(row, formats)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
