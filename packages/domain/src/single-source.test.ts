// Each rule of this package exists once. These checks read the source of every other package and
// app and fail when a second copy appears: zone arithmetic outside the time module, a status
// table, a role list or a permission table. Tests, test helpers and benchmarks are not looked at.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../..", import.meta.url).pathname;
const SOURCE_ROOTS = ["apps/web/src", "apps/server/src", "packages/api/src", "packages/auth/src", "packages/db/src", "packages/scheduling/src"];
const NOT_SOURCE = /(\.test\.tsx?$|\.spec\.tsx?$|\/test\/|\/testing\/|test-helpers\.ts$|test-support\.ts$)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !NOT_SOURCE.test(path) ? [path] : [];
  });
}

const files = SOURCE_ROOTS.flatMap(sourceFiles).map((path) => ({ path, text: readFileSync(join(ROOT, path), "utf8") }));

/** "path:line: text" for every line matching one of `patterns`, outside the `allowed` files. */
function copies(patterns: RegExp[], allowed: Record<string, string> = {}): string[] {
  return files
    .filter((file) => !(file.path in allowed))
    .flatMap((file) =>
      file.text.split("\n").flatMap((line, i) => (patterns.some((pattern) => pattern.test(line)) ? [`${relative(".", file.path)}:${i + 1}: ${line.trim()}`] : [])),
    );
}

const ZONE_ARITHMETIC = [
  /Intl\.DateTimeFormat\([^)]/, // a formatter of our own (Intl.DateTimeFormat() alone only asks for the browser's zone)
  /\.formatToParts\(/,
  /getTimezoneOffset\(/,
  /\.toLocale(Date|Time)?String\(/,
  /\.(get|set)(FullYear|Month|Date|Day|Hours|Minutes)\(/, // the process's zone, never the clinic's
  /from "temporal-polyfill"/,
];

const STATUS_TABLES = [
  /\[\s*"(booked|confirmed|arrived)"\s*,\s*"(confirmed|arrived|completed|cancelled|no_show)"/, // a list of statuses
  /\b(booked|confirmed|arrived)\s*:\s*\[/, // a transition table
  /status\s*===\s*"booked"\s*\|\|/, // isOpen, retyped
];

const ROLE_TABLES = [
  /\[\s*"owner"\s*,\s*"admin"/, // a role list
  /"[a-z]+(\.[a-zA-Z]+)+"\s*:\s*("anyone"|"signedIn"|\[\s*"owner")/, // a permission entry
  /\brole\s*===\s*"\w+"\s*\|\|\s*[\w.]*role\s*===/, // who may open a screen, retyped
  /role\s*!==\s*"practitioner"/,
  /===\s*"owner"\s*\)\s*&&\s*[\w.]*role\s*!==\s*"owner"/, // who may assign the owner role, retyped
];

describe("one copy of each rule", () => {
  it("looks at the sources it should", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((file) => file.path === "apps/web/src/staff/settings/TimeOff.tsx")).toBe(true);
  });

  it("converts between zones and formats dates only in the time module", () => {
    expect(
      copies(ZONE_ARITHMETIC, {
        "packages/scheduling/src/instants.ts": "parses ISO 8601 instants (with their own offset) through Temporal; no zone is involved",
      }),
    ).toEqual([]);
  });

  it("lists the appointment statuses and their transitions only in the status machine", () => {
    expect(copies(STATUS_TABLES)).toEqual([]);
  });

  it("lists the roles and who may call what only in the permission table", () => {
    expect(copies(ROLE_TABLES)).toEqual([]);
  });

  it("would catch the copies this package replaced", () => {
    const replaced: Array<[string, RegExp[]]> = [
      ['const parts = formatter("en-US", { timeZone }).formatToParts(instant);', ZONE_ARITHMETIC],
      ['format = new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric" });', ZONE_ARITHMETIC],
      ['import { Temporal } from "temporal-polyfill";', ZONE_ARITHMETIC],
      ['  booked: ["confirmed", "arrived", "no_show"],', STATUS_TABLES],
      ['export const isOpen = (status: AppointmentStatus) => status === "booked" || status === "confirmed";', STATUS_TABLES],
      ['const OPEN_STATUSES = ["booked", "confirmed", "arrived"] as const;', STATUS_TABLES],
      ['const STAFF_ROLES: MembershipRole[] = ["owner", "admin", "receptionist", "practitioner"];', ROLE_TABLES],
      ['  "patients.archive": ["owner", "admin", "receptionist"],', ROLE_TABLES],
      ['  return role === "owner" || role === "admin";', ROLE_TABLES],
      ['  const canBook = membership.role !== "practitioner";', ROLE_TABLES],
      ['  if ((from === "owner" || to === "owner") && staff.role !== "owner") {', ROLE_TABLES],
    ];
    for (const [line, patterns] of replaced) expect(patterns.some((pattern) => pattern.test(line)), line).toBe(true);
  });
});
