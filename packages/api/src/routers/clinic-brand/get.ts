import { brandSettingsView } from "@frontdesk/domain";
import { procedure } from "../../trpc";
import { brandSettings } from "./brand-settings";

export const get = procedure("clinic.brand.get")
  .meta({ openapi: { method: "GET", path: "/brand", tags: ["Clinic"], protect: true, summary: "The clinic's brand: logo, accent colour, description, address and map link, practitioners' photos and bios, service descriptions" } })
  .output(brandSettingsView)
  .query(({ ctx }) => brandSettings(ctx.staff));
