// The clinic's patient records, for staff: search, read (audited), create, edit, archive.
import type { TRPCRouterRecord } from "@trpc/server";
import { archive } from "./archive";
import { create } from "./create";
import { erase } from "./erase";
import { exportPatient } from "./export";
import { get } from "./get";
import { search } from "./search";
import { update } from "./update";
import { duplicates } from "./duplicates";
import { mergeProcedures } from "./merge";

export const patientsRouter = {
  search,
  get,
  create,
  update,
  archive,
  export: exportPatient,
  erase,
  duplicates,
  ...mergeProcedures,
} satisfies TRPCRouterRecord;
