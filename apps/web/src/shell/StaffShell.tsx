// The staff area's frame for a working day: one header (menu toggle, clinic and its switcher, the
// member and their menu), a side navigation that folds away, and the page at full width. The
// navigation's entries come from staff/navigation.ts, so every screen that adds itself there
// appears here for the roles the API lets in.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useRouterState } from "@tanstack/react-router";
import { useEffect, useId, useState, type ReactNode } from "react";
import { describeFailure } from "../api/failure";
import { useTRPC } from "../api/trpc";
import { isStaffLanguage, pickStaffLanguage, STAFF_LANGUAGE_NAMES, STAFF_LANGUAGES } from "../i18n/staff/staff-i18n";
import { useStaffText } from "../i18n/staff/useStaffText";
import { navigationFor, type StaffNavItem } from "../staff/navigation";
import type { Me, Membership } from "../staff/types";
import styles from "./staff-shell.module.css";

const ROLE_KEYS: Record<Membership["role"], string> = {
  owner: "role.owner",
  admin: "role.admin",
  receptionist: "role.receptionist",
  practitioner: "role.practitioner",
};

const NAV_OPEN_KEY = "frontdesk.staffNavOpen";

/** Open on a desk or a tablet in landscape, folded on a phone, unless the member chose otherwise here. */
function initialNavOpen(): boolean {
  try {
    const kept = localStorage.getItem(NAV_OPEN_KEY);
    if (kept === "true" || kept === "false") return kept === "true";
  } catch {
    // Storage refused: the width decides.
  }
  return typeof window === "undefined" || window.innerWidth >= 1024;
}

/** The catalogue's word for every entry: a new entry in navigation.ts does not compile until it has one. */
const NAV_KEYS: Record<StaffNavItem["to"], string> = {
  "/app/calendar": "nav.calendar",
  "/app/patients": "nav.patients",
  "/app/waitlist": "nav.waitlist",
  "/app/settings": "nav.settings",
  "/app/setup": "nav.setup",
  "/app/calendar-feeds": "nav.calendarFeeds",
  "/app/reports": "nav.reports",
};

export function useNavLabel() {
  const { t } = useStaffText();
  return (item: StaffNavItem) => {
    return t(NAV_KEYS[item.to]);
  };
}

/** The screen's name for the tab title: the navigation entry the address is under, or the account page. */
function usePageTitle(membership: Membership | undefined): void {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const { t } = useStaffText();
  const label = useNavLabel();
  const entry = membership
    ? navigationFor(membership.role)
        .filter((item) => pathname === item.to || pathname.startsWith(`${item.to}/`))
        .sort((a, b) => b.to.length - a.to.length)[0]
    : undefined;
  const screen = entry ? label(entry) : pathname.startsWith("/app/account") ? t("shell.account") : null;
  const title = [screen, membership?.clinicName].filter(Boolean).join(" · ") || "Frontdesk";
  useEffect(() => {
    document.title = title;
  }, [title]);
}

export function StaffShell({ me, membership, children }: { me: Me; membership: Membership | undefined; children: ReactNode }) {
  const { t } = useStaffText();
  const [navOpen, setNavOpen] = useState(initialNavOpen);
  const navId = useId();
  const label = useNavLabel();
  usePageTitle(membership);
  const toggleNav = () => {
    setNavOpen((open) => {
      try {
        localStorage.setItem(NAV_OPEN_KEY, String(!open));
      } catch {
        // Kept for this page only.
      }
      return !open;
    });
  };
  return (
    <div className={styles.shell} data-nav={navOpen ? "open" : "folded"}>
      <header className={styles.header}>
        {membership ? (
          <button type="button" className={styles.navToggle} aria-expanded={navOpen} aria-controls={navId} onClick={toggleNav}>
            <span aria-hidden="true">☰</span>
            <span className="visually-hidden">{t("shell.menu")}</span>
          </button>
        ) : null}
        <Link to="/app" className={styles.brand}>
          Frontdesk
        </Link>
        <div className={styles.clinic}>
          <span className={styles.clinicName}>{membership?.clinicName ?? t("shell.noClinic")}</span>
          {membership ? <span className={styles.role}>{t(ROLE_KEYS[membership.role])}</span> : null}
          {me.memberships.length > 1 ? <ClinicSwitcher me={me} /> : null}
        </div>
        <UserMenu me={me} />
      </header>
      {membership ? (
        <nav aria-label={t("shell.navigation")} id={navId} className={styles.nav} hidden={!navOpen}>
          <ul>
            {navigationFor(membership.role).map((item) => (
              <li key={item.to}>
                <Link to={item.to} activeProps={{ "aria-current": "page" }} onClick={() => window.innerWidth < 640 && setNavOpen(false)}>
                  {label(item)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <main id="main" tabIndex={-1} className={styles.main}>
        {children}
      </main>
    </div>
  );
}

function UserMenu({ me }: { me: Me }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { t, language } = useStaffText();
  const languageId = useId();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: async () => {
        queryClient.clear();
        await navigate({ to: "/app/sign-in" });
      },
    }),
  );
  return (
    <div className={styles.user} role="group" aria-label={t("shell.userMenu")}>
      <span className={styles.userName}>{me.user.name}</span>
      <Link to="/app/account" activeProps={{ "aria-current": "page" }}>
        {t("shell.account")}
      </Link>
      <label htmlFor={languageId} className="visually-hidden">
        {t("shell.language")}
      </label>
      <select
        id={languageId}
        className={styles.select}
        value={language}
        onChange={(event) => {
          if (isStaffLanguage(event.target.value)) void pickStaffLanguage(event.target.value);
        }}
      >
        {STAFF_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {STAFF_LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
      <button type="button" className={styles.signOut} onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        {t("shell.signOut")}
      </button>
      {signOut.isError ? <p role="alert">{describeFailure(signOut.error).message}</p> : null}
    </div>
  );
}

function ClinicSwitcher({ me }: { me: Me }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useStaffText();
  const id = useId();
  const switchClinic = useMutation(
    trpc.auth.switchClinic.mutationOptions({
      // Everything on screen belongs to the clinic that was active: read it all again.
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  );
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {t("shell.clinic")}
      </label>
      <select
        id={id}
        className={styles.select}
        value={me.activeClinicId ?? ""}
        disabled={switchClinic.isPending}
        onChange={(event) => switchClinic.mutate({ clinicId: event.target.value })}
      >
        {me.activeClinicId ? null : <option value="">{t("shell.chooseClinic")}</option>}
        {me.memberships.map((m) => (
          <option key={m.clinicId} value={m.clinicId}>
            {m.clinicName}
          </option>
        ))}
      </select>
      {switchClinic.isError ? <span role="alert">{describeFailure(switchClinic.error).message}</span> : null}
    </>
  );
}
