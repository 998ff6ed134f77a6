// The routes every area hangs its own from. Each area declares its routes next to its screens
// (staff/calendar/routes.ts, …) and router.tsx only assembles the tree.
import { createRootRouteWithContext, createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { ApiClients } from "../api/trpc";
import { AppShell, NotFoundPage } from "../shell/AppShell";

/**
 * What every route's loader gets: the query cache and tRPC's query options. A route loads its
 * data with `loader: ({ context }) => context.queryClient.ensureQueryData(context.trpc.….queryOptions(…))`
 * and shows its own pendingComponent and errorComponent; the screen reads with useSuspenseQuery.
 */
export type RouterContext = Pick<ApiClients, "queryClient" | "trpc">;

export const rootRoute = createRootRouteWithContext<RouterContext>()({ component: AppShell, notFoundComponent: NotFoundPage });

/** `/app`: the staff area. Pages here are reachable without a session (sign-in, sign-up, …). */
export const staffRoute = createRoute({ getParentRoute: () => rootRoute, path: "/app" });

/** Everything behind the signed-in layout (auth.me); the layout sends strangers to sign-in. */
export const signedInRoute = createRoute({
  getParentRoute: () => staffRoute,
  id: "signed-in",
  component: lazyRouteComponent(() => import("../staff/StaffLayout"), "StaffLayout"),
});
