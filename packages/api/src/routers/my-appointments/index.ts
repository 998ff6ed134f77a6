// myAppointments.*: a signed-in patient's own list at one clinic (issue 20, ADR 0050).
import type { TRPCRouterRecord } from "@trpc/server";
import { cancel, reschedule } from "./change";
import { link } from "./link";
import { list } from "./list";

export const myAppointmentsRouter = { link, list, cancel, reschedule } satisfies TRPCRouterRecord;
