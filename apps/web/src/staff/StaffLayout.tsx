// The signed-in staff area: who is signed in, at which clinic, and what their role may open
// (the frame around it is shell/StaffShell.tsx).
import { useQuery } from "@tanstack/react-query";
import { Link, Navigate, Outlet, useLocation } from "@tanstack/react-router";
import { createContext, useContext } from "react";
import { describeFailure } from "../api/failure";
import { useTRPC } from "../api/trpc";
import { ErrorNotice } from "../ui/Notice";
import { Skeleton } from "../ui/Skeleton";
import { safeReturnPath } from "./account/return-to";
import { StaffShell } from "../shell/StaffShell";
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
      <main id="main" aria-busy="true">
        <span className="visually-hidden">Loading…</span>
        <Skeleton width="40%" height="2rem" />
      </main>
    );
  }
  if (me.isError) {
    return (
      <main id="main">
        <ErrorNotice title="We could not check who is signed in" message={describeFailure(me.error).message} onRetry={() => void me.refetch()} />
      </main>
    );
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
    <StaffShell me={me.data} membership={membership}>
      {membership ? (
        <StaffSessionContext.Provider value={{ me: me.data, membership }}>
          <Outlet />
        </StaffSessionContext.Provider>
      ) : (
        <NoActiveClinic me={me.data} />
      )}
    </StaffShell>
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
