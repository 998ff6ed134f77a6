// The clinic's wording of its messages to patients (ADR 0024).
import type { TRPCRouterRecord } from "@trpc/server";
import { list } from "./list";
import { preview } from "./preview";
import { reset } from "./reset";
import { save } from "./save";

export const clinicTemplatesRouter = { list, save, preview, reset } satisfies TRPCRouterRecord;
