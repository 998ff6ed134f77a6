// The clinic settings: a refusal for roles that may not change the clinic, otherwise the list of
// sections and the open one.
import { can } from "@frontdesk/domain";
import { Link, Outlet } from "@tanstack/react-router";
import { useStaffSession } from "../StaffLayout";
import { ROLE_NAMES } from "../navigation";
import styles from "./settings.module.css";

const SECTIONS = [
  { to: "/app/settings", label: "Clinic", exact: true },
  { to: "/app/settings/practitioners", label: "Practitioners", exact: false },
  { to: "/app/settings/services", label: "Services", exact: false },
  { to: "/app/settings/hours", label: "Hours and time off", exact: false },
  { to: "/app/settings/staff", label: "Staff", exact: false },
  { to: "/app/settings/audit", label: "Audit log", exact: false },
  { to: "/app/settings/security", label: "Security", exact: false },
  { to: "/app/settings/notifications", label: "Reminders", exact: false },
  { to: "/app/settings/templates", label: "Message templates", exact: false },
  { to: "/app/settings/failures", label: "Failed deliveries", exact: false },
  { to: "/app/settings/webhooks", label: "Webhooks", exact: false },
  { to: "/app/settings/api-keys", label: "API keys", exact: false },
  { to: "/app/settings/features", label: "Features", exact: false },
  { to: "/app/settings/calendar-feeds", label: "Calendar feeds", exact: false },
  { to: "/app/settings/intake", label: "Intake and patient data", exact: false },
  { to: "/app/settings/brand", label: "Booking page", exact: false },
  { to: "/app/settings/embed", label: "Your website", exact: false },
] as const;

export function SettingsLayout() {
  const { membership } = useStaffSession();
  // The sections all change the clinic; the API refuses the others anyway (this spares them a screen of refusals).
  if (!can(membership.role, "clinic.settings.update")) return <SettingsRefused roleName={ROLE_NAMES[membership.role]} />;
  return (
    <div className={styles.layout}>
      <h1>Clinic settings</h1>
      <nav aria-label="Settings sections" className={styles.sections}>
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.to}>
              <Link to={section.to} activeOptions={{ exact: section.exact, includeSearch: false }} activeProps={{ "aria-current": "page" }}>
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

function SettingsRefused({ roleName }: { roleName: string }) {
  return (
    <div>
      <h1>Clinic settings are for owners and admins</h1>
      <p>
        You are signed in as {roleName.toLowerCase()} at this clinic. Ask the clinic&apos;s owner or an admin if something in the settings needs
        changing.
      </p>
      <p>
        <Link to="/app/calendar">Back to the calendar</Link>
      </p>
    </div>
  );
}
