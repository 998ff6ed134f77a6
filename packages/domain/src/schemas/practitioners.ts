// The clinic's practitioners (practitioners.*).
import { z } from "zod";
import { id, text } from "./fields";

export const practitionerFields = {
  displayName: text(120, "Name is too long", "Enter a name"),
  colour: z
    .string()
    .trim()
    .max(7, "Use a colour such as #2563eb")
    .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour such as #2563eb"),
};

export const createPractitionerInput = z.object({
  displayName: practitionerFields.displayName,
  colour: practitionerFields.colour.optional(),
  userId: id.optional(),
});

export const updatePractitionerInput = z.object({
  practitionerId: id,
  displayName: practitionerFields.displayName.optional(),
  colour: practitionerFields.colour.optional(),
  active: z.boolean().optional(),
  userId: id.nullable().optional(),
});

export const setPractitionerServicesInput = z.object({ practitionerId: id, serviceIds: z.array(id).max(200, "At most 200 services") });

export const practitionerInput = z.object({ practitionerId: id });

/** What the web's PractitionerForm checks before sending. */
export const practitionerValues = z.object(practitionerFields);
