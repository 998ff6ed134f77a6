// The signed-in staff area: who is signed in, at which clinic, and what their role may open.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, Navigate, Outlet, useLocation, useNavigate } from "@tanstack/react-router";
import { createContext, useContext } from "react";
import { describeFailure } from "../api/failure";
import { useTRPC } from "../api/trpc";
import { Button } from "../ui/Button";
import { ErrorNotice } from "../ui/Notice";
import { Skeleton } from "../ui/Skeleton";
import { safeReturnPath } from "./account/return-to";
import { navigationFor, ROLE_NAMES } from "./navigation";
import styles from "./staff.module.css";
import type { Me, Membership } from "./types";

interface StaffSession {
  me: Me;
  membership: Membership;
}

const StaffSessionContext = createContext<StaffSession | null>(null);

/** The signed-in member and their active clinic; only inside the staff layout. */
export function useStaffSession(): StaffSession {
  const value = useContext(StaffSessionContext);
  if (!value) throw new Error("useStaffSession outside StaffLayout");
  return value;
}

export function StaffLayout() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  // The page asked for, so that signing in comes back to it.
  const location = useLocation();

  if (me.isPending) {
    return (
      <div aria-busy="true">
        <span className="visually-hidden">Loading…</span>
        <Skeleton width="40%" height="2rem" />
      </div>
    );
  }
  if (me.isError) {
    return <ErrorNotice title="We could not check who is signed in" message={describeFailure(me.error).message} onRetry={() => void me.refetch()} />;
  }
  if (me.data === null) {
    // This layout lingers while the sign-in page loads: navigating again from there would drop the return path.
    if (location.pathname === "/app/sign-in") return null;
    const returnTo = safeReturnPath(location.href);
    return <Navigate to="/app/sign-in" search={returnTo ? { redirect: returnTo } : {}} replace />;
  }

  const { activeClinicId } = me.data;
  const membership = me.data.memberships.find((m) => m.clinicId === activeClinicId);
  return (
    <div className={styles.staff}>
      <StaffBar me={me.data} membership={membership} />
      {membership ? (
        <StaffSessionContext.Provider value={{ me: me.data, membership }}>
          <Outlet />
        </StaffSessionContext.Provider>
      ) : (
        <NoActiveClinic me={me.data} />
      )}
    </div>
  );
}

function StaffBar({ me, membership }: { me: Me; membership: Membership | undefined }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: async () => {
        queryClient.clear();
        await navigate({ to: "/app/sign-in" });
      },
    }),
  );
  return (
    <div className={styles.bar}>
      <div className={styles.barClinic}>
        <span className={styles.clinicName}>{membership?.clinicName ?? "No clinic chosen"}</span>
        {membership ? <span className={styles.role}>{ROLE_NAMES[membership.role]}</span> : null}
        {me.memberships.length > 1 ? <ClinicSwitcher me={me} /> : null}
      </div>
      {membership ? (
        <nav aria-label="Staff" className={styles.nav}>
          <ul>
            {navigationFor(membership.role).map((item) => (
              <li key={item.to}>
                <Link to={item.to} activeProps={{ "aria-current": "page" }}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className={styles.barUser}>
        <span>{me.user.name}</span>
        <Link to="/app/account" activeProps={{ "aria-current": "page" }}>
          Your account
        </Link>
        <Button variant="secondary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          Sign out
        </Button>
      </div>
      {signOut.isError ? <p role="alert">{describeFailure(signOut.error).message}</p> : null}
    </div>
  );
}

function ClinicSwitcher({ me }: { me: Me }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const switchClinic = useMutation(
    trpc.auth.switchClinic.mutationOptions({
      // Everything on screen belongs to the clinic that was active: read it all again.
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  );
  return (
    <label className={styles.switcher}>
      <span className="visually-hidden">Clinic</span>
      <select
        value={me.activeClinicId ?? ""}
        disabled={switchClinic.isPending}
        onChange={(event) => switchClinic.mutate({ clinicId: event.target.value })}
      >
        {me.activeClinicId ? null : <option value="">Choose a clinic</option>}
        {me.memberships.map((m) => (
          <option key={m.clinicId} value={m.clinicId}>
            {m.clinicName}
          </option>
        ))}
      </select>
      {switchClinic.isError ? <span role="alert">{describeFailure(switchClinic.error).message}</span> : null}
    </label>
  );
}

function NoActiveClinic({ me }: { me: Me }) {
  return (
    <>
      <h1>No clinic chosen</h1>
      <p>
        {me.memberships.length > 0
          ? "Choose the clinic you are working at with the list above."
          : "Your account is not a member of any clinic yet. Ask the clinic's owner or an admin to invite you (the invitation e-mail has a link to accept it), or open your own clinic."}
      </p>
      <p>
        <Link to="/app/new-clinic">Create a clinic</Link>
      </p>
    </>
  );
}
