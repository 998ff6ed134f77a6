import { Link, Outlet, useRouterState } from "@tanstack/react-router";
import { usePatientText } from "../i18n/usePatientText";
import { Skeleton } from "../ui/Skeleton";
import styles from "./shell.module.css";

/** The patient pages (booking, manage link, the messages' links) speak the patient's language (src/i18n); the staff area is in English. */
const PATIENT_PAGE = /^\/(book|booking|confirm|opt-out|waitlist)\//;
/** The signed-in staff layout (routes/base.ts) draws its own full-width frame (StaffShell). */
const SIGNED_IN_ROUTE_ID = "/app/signed-in";

export function AppShell() {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const { t, ready } = usePatientText();
  const patientWords = PATIENT_PAGE.test(pathname) && ready;
  const staffFrame = useRouterState({ select: (state) => state.matches.some((match) => match.routeId === SIGNED_IN_ROUTE_ID) });
  // The element around the page stays the same one either way: swapping it would remount the page
  // in the middle of a navigation (signing out lands on a page that never finishes loading).
  return (
    <>
      <a className={styles.skipLink} href="#main">
        {patientWords ? t("shell.skipToContent") : "Skip to content"}
      </a>
      {staffFrame ? null : (
        <header className={styles.header}>
          <div className={styles.headerInner}>
            <Link to="/" className={styles.brand}>
              Frontdesk
            </Link>
          </div>
        </header>
      )}
      <div {...(staffFrame ? {} : { role: "main", id: "main", tabIndex: -1, className: styles.main })}>
        <Outlet />
      </div>
      {staffFrame ? null : (
        <footer className={styles.footer}>
          <div className={styles.footerInner}>{patientWords ? t("shell.footer") : "Online booking by Frontdesk"}</div>
        </footer>
      )}
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
