// The clinic's brand on its booking page (ADR 0049), for owners and admins.
import type { TRPCRouterRecord } from "@trpc/server";
import { get } from "./get";
import { setPractitioner } from "./set-practitioner";
import { setService } from "./set-service";
import { update } from "./update";
import { uploadImage } from "./upload-image";

export const clinicBrandRouter = {
  get,
  update,
  uploadImage,
  setPractitioner,
  setService,
} satisfies TRPCRouterRecord;
