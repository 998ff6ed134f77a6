import { Link, Outlet } from "@tanstack/react-router";
import { Skeleton } from "../ui/Skeleton";
import styles from "./shell.module.css";

export function AppShell() {
  return (
    <>
      <a className={styles.skipLink} href="#main">
        Skip to content
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
        <div className={styles.footerInner}>Online booking by Frontdesk</div>
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
