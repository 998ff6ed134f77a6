// The active clinic's settings (profile, zone, booking policy) and its audit log, for admins and owners.
import type { TRPCRouterRecord } from "@trpc/server";
import { listAudit } from "./audit-list";
import { get } from "./get";
import { update } from "./update";

export const clinicSettingsRouter = {
  get,
  update,
} satisfies TRPCRouterRecord;

export const clinicAuditRouter = {
  list: listAudit,
} satisfies TRPCRouterRecord;
