// Input shapes shared by procedures (and by the web app's forms, through the package's exports).
import { isKnownTimeZone } from "@frontdesk/domain";
import { z } from "zod";

export const email = z
  .string()
  .trim()
  .max(254, "E-mail is too long")
  .pipe(z.email({ error: "Enter a valid e-mail address" }))
  .transform((v) => v.toLowerCase());

export const personName = z.string().trim().min(1, "Enter a name").max(120, "Name is too long");

/** Length only: the policy (e.g. "not your e-mail") is checked by `passwordProblem`. */
export const password = z.string().min(1, "Enter a password").max(256, "Password is too long");

export const clinicSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "At least 3 characters")
  .max(63, "At most 63 characters")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Lowercase letters, digits and single hyphens only");

function isTimeZone(zone: string): boolean {
  return isKnownTimeZone(zone) && (zone.includes("/") || zone === "UTC");
}

export const timeZone = z
  .string()
  .trim()
  .max(64)
  .refine(isTimeZone, "Unknown time zone (use an IANA name such as Europe/Paris)");

export const uuid = z.uuid({ error: "Not a valid id" });
