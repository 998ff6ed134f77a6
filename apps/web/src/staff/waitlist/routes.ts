// The waitlist's route (issue 17); router.tsx assembles the tree.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../routes/base";

export interface WaitlistSearch {
  /** Which entries: waiting (when absent), booked or removed. */
  status?: "booked" | "removed" | undefined;
}

const LISTS = ["booked", "removed"] as const;

export function readWaitlistSearch(search: Record<string, unknown>): WaitlistSearch {
  return { status: LISTS.find((list) => list === search.status) };
}

export const waitlistRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "waitlist",
  validateSearch: readWaitlistSearch,
  component: lazyRouteComponent(() => import("./WaitlistPage"), "WaitlistPage"),
});

export const waitlistRoutes = [waitlistRoute] as const;
