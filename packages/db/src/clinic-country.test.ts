// clinics.country: the check constraint, and the migration that filled existing clinics from their
// time zone with the domain's table (proposeClinicRegion's source), kept equal to it here.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { ZONE_COUNTRIES } from "@frontdesk/domain";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsFolder } from "./migrate";
import { createFreshDatabase } from "./testing";

async function countryMigration(): Promise<string> {
  for (const file of (await readdir(migrationsFolder)).filter((name) => name.endsWith(".sql")).sort()) {
    const text = await readFile(path.join(migrationsFolder, file), "utf8");
    if (text.includes("AS zone_countries(timezone, country)")) return text;
  }
  throw new Error("no migration fills clinics.country");
}

const fillStatement = (migration: string) => migration.slice(migration.indexOf('ALTER TABLE "clinics" NO FORCE')).replaceAll("--> statement-breakpoint", "");

describe("clinics.country", () => {
  let owner: postgres.Sql;
  beforeAll(async () => {
    owner = postgres((await createFreshDatabase("clinic_country")).adminUrl, { max: 1, onnotice: () => undefined });
  });
  afterAll(async () => owner?.end());

  it("fills from exactly the domain's zone table", async () => {
    const pairs = [...(await countryMigration()).matchAll(/\('([^']+)', '([A-Z]{2})'\)/g)].map(([, zone, country]) => [zone, country]);
    expect(Object.fromEntries(pairs)).toEqual(ZONE_COUNTRIES);
  });

  it("gives existing clinics their zone's country, leaves unknown zones empty and keeps a country already set", async () => {
    await owner`insert into clinics (slug, name, timezone) values ('la-clinic', 'LA', 'America/Los_Angeles'), ('utc-clinic', 'UTC', 'UTC')`;
    await owner`insert into clinics (slug, name, timezone, country) values ('paris-but-be', 'Set', 'Europe/Paris', 'BE')`;
    await owner.unsafe(fillStatement(await countryMigration()));
    const rows = await owner<{ slug: string; country: string | null }[]>`select slug, country from clinics order by slug`;
    expect(rows).toEqual([
      { slug: "la-clinic", country: "US" },
      { slug: "paris-but-be", country: "BE" },
      { slug: "utc-clinic", country: null },
    ]);
  });

  it("refuses anything but two capital letters", async () => {
    for (const bad of ["fr", "FRA", "F", "1A"]) {
      await expect(owner`insert into clinics (slug, name, timezone, country) values (${`bad-${bad.toLowerCase()}`}, 'Bad', 'UTC', ${bad})`, bad).rejects.toMatchObject({
        code: "23514",
        constraint_name: "clinics_country_format",
      });
    }
  });
});
