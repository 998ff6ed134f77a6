import type { Access } from ".";

const admins = ["owner", "admin"] as const;

/** The clinic's brand on its booking page (ADR 0049): the people who set the clinic up. */
export const brandAccess = {
  "clinic.brand.get": admins,
  "clinic.brand.update": admins,
  "clinic.brand.uploadImage": admins,
  "clinic.brand.setPractitioner": admins,
  "clinic.brand.setService": admins,
} as const satisfies Record<string, Access>;
