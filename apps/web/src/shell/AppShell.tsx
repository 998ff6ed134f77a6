import { Link, Outlet, useRouterState } from "@tanstack/react-router";
import { usePatientText } from "../i18n/usePatientText";
import { Skeleton } from "../ui/Skeleton";
import styles from "./shell.module.css";

/** The patient pages speak the patient's language (src/i18n); the staff area is in English. */
const PATIENT_PAGE = /^\/book(ing)?\//;

export function AppShell() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const { t, ready } = usePatientText();
  const patientWords = PATIENT_PAGE.test(pathname) && ready;
  return (
    <>
      <a className={styles.skipLink} href="#main">
        {patientWords ? t("shell.skipToContent") : "Skip to content"}
      </a>
      <header className={styles.header}>
        <div className={styles.headerInner}>
          <Link to="/" className={styles.brand}>
            Frontdesk
          </Link>
        </div>
      </header>
      <main id="main" tabIndex={-1} className={styles.main}>
        <Outlet />
      </main>
      <footer className={styles.footer}>
        <div className={styles.footerInner}>{patientWords ? t("shell.footer") : "Online booking by Frontdesk"}</div>
      </footer>
    </>
  );
}

/** While a page's code arrives: the outline of a page, not a spinner. */
export function PagePending() {
  return (
    <div className={styles.pending} aria-busy="true">
      <span className="visually-hidden">Loading…</span>
      <Skeleton width="60%" height="2rem" />
      <Skeleton width="40%" />
      <Skeleton height="8rem" />
    </div>
  );
}

export function NotFoundPage() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is nothing at this address. Check the link you were given, or ask your clinic for its booking page.</p>
      <Link to="/">Go to the start page</Link>
    </>
  );
}

export function HomePage() {
  return (
    <>
      <h1>Frontdesk</h1>
      <p>Book an appointment with your clinic online. Your clinic&apos;s booking page has an address like /book/your-clinic.</p>
      <p>
        Clinic staff: <Link to="/app">open the staff area</Link>.
      </p>
    </>
  );
}
