// clinic.embed.*: the sites that may frame the booking page, as the staff screen and a REST client
// change them, and what the booking page's CSP and public answer then say.
import { connectAsApp } from "@frontdesk/db/testing";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { paths } from "../../openapi/schema";
import { frameAncestorsFor } from "../security-headers";
import { listen } from "../testing/http";
import { codeOf, createStaffWorld, refusal } from "../testing/staff-world";

const { db, close } = connectAsApp();
let world: Awaited<ReturnType<typeof createStaffWorld>>;
let server: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  world = await createStaffWorld(db);
  server = await listen(world.deps);
});
afterAll(async () => {
  await server.close();
  await close();
});

describe("clinic.embed", () => {
  it("keeps origins (normalised, each once), audits the change, and the booking page's CSP and answer follow", async () => {
    const owner = await world.as("owner");
    const { rows, result } = await world.audited(() =>
      owner.clinic.embed.update({ origins: ["https://www.Example-Clinic.fr/", "https://www.example-clinic.fr", "http://localhost:4173", "https://partner.example:8443"] }),
    );
    expect(result).toEqual({ origins: ["https://www.example-clinic.fr", "http://localhost:4173", "https://partner.example:8443"] });
    expect(rows.map((row) => [row.action, row.entity])).toEqual([["update_embed_origins", "clinic"]]);
    expect(await owner.clinic.embed.get()).toEqual(result);
    const slug = world.staffed.clinic.slug;
    expect(await frameAncestorsFor(db, `/book/${slug}`)).toEqual(result!.origins);
    expect((await owner.public.clinic({ clinicSlug: slug })).embedOrigins).toEqual(result!.origins);
    // The same list again changes nothing and writes no audit row.
    expect((await world.audited(() => owner.clinic.embed.update({ origins: result!.origins }))).rows).toEqual([]);
  });

  it("refuses anything but an https origin (or http on this machine), and writes nothing", async () => {
    const admin = await world.as("admin");
    await admin.clinic.embed.update({ origins: ["https://kept.example"] });
    const bad = [
      "http://example.com",
      "https://example.com/page",
      "https://example.com?x=1",
      "https://*.example.com",
      "https://example.com; script-src *",
      "'self'",
      "*",
      "javascript:alert(1)",
      "example.com",
      "https://user:pass@example.com",
      `https://${"a".repeat(200)}.example`,
    ];
    for (const origin of bad) expect(await refusal(admin.clinic.embed.update({ origins: [origin] })), origin).toEqual({ code: "BAD_REQUEST", fields: ["origins"] });
    const eleven = Array.from({ length: 11 }, (_, i) => `https://site${i}.example`);
    expect((await refusal(admin.clinic.embed.update({ origins: eleven }))).code).toBe("BAD_REQUEST");
    expect(await admin.clinic.embed.get()).toEqual({ origins: ["https://kept.example"] });
  });

  it("is for owners and admins only", async () => {
    for (const role of ["receptionist", "practitioner", "patient"] as const) {
      const caller = await world.as(role);
      expect(await codeOf(caller.clinic.embed.get())).toBe("FORBIDDEN");
      expect(await codeOf(caller.clinic.embed.update({ origins: [] }))).toBe("FORBIDDEN");
    }
  });

  it("is readable on the REST API with a setup:manage key, and only with it", async () => {
    const owner = await world.as("owner");
    await owner.clinic.embed.update({ origins: ["https://rest.example"] });
    const keyOf = async (scope: "setup:manage" | "calendar:read") => (await owner.clinic.apiKeys.create({ name: scope, scopes: [scope] })).key;
    const api = createClient<paths>({ baseUrl: `${server.base}/api/v1`, headers: { Authorization: `Bearer ${await keyOf("setup:manage")}` } });
    const read = await api.GET("/clinic/embed-origins");
    expect(read.response.status).toBe(200);
    expect(read.data).toEqual({ origins: ["https://rest.example"] });
    const readOnly = createClient<paths>({ baseUrl: `${server.base}/api/v1`, headers: { Authorization: `Bearer ${await keyOf("calendar:read")}` } });
    const refused = await readOnly.GET("/clinic/embed-origins");
    expect(refused.response.status).toBe(403);
    expect(refused.error?.error).toMatchObject({ reason: "API_KEY_SCOPE" });
  });
});
