// Clinical notes (ADR 0026): practitioners write drafts, sign them, amend signed ones; readers per the clinic's policy.
import type { TRPCRouterRecord } from "@trpc/server";
import { discardDraft } from "./discard-draft";
import { list } from "./list";
import { policy, setOpenToAdmins } from "./policy";
import { saveDraft } from "./save-draft";
import { sign } from "./sign";

export const clinicalNotesRouter = {
  list,
  saveDraft,
  sign,
  discardDraft,
  policy,
  setOpenToAdmins,
} satisfies TRPCRouterRecord;
