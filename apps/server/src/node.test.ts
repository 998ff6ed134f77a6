import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseConfig } from "@frontdesk/api";
import { inject } from "vitest";
import { withTenant } from "@frontdesk/db";
import { clinics } from "@frontdesk/db/schema";
import { connectAsApp, createTestClinic } from "@frontdesk/db/testing";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveHandler, startServer } from "./node";
import { serverBundle } from "../bundle";

describe("serveHandler shutdown", () => {
  it("stops accepting, lets an in-flight request finish, then resolves", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const inside = new Promise<void>((resolve) => (started = resolve));
    const server = await serveHandler(
      async () => {
        started();
        await gate;
        return new Response("finished");
      },
      { port: 0, graceMs: 5_000 },
    );
    const slow = fetch(`${server.url}/slow`).then(async (r) => [r.status, await r.text()]);
    await inside;
    const stopped = server.stop();
    await expect(fetch(`${server.url}/new`)).rejects.toThrow();
    release();
    expect(await slow).toEqual([200, "finished"]);
    await stopped;
  });

  it("gives up on a request that outlives the grace period", async () => {
    const server = await serveHandler(() => new Promise<Response>(() => undefined), { port: 0, graceMs: 200 });
    const hanging = fetch(`${server.url}/forever`).then(
      () => "answered",
      () => "cut",
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await server.stop();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await hanging).toBe("cut");
  });
});

describe("startServer", () => {
  let webRoot: string;
  let url: string;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    webRoot = await mkdtemp(path.join(tmpdir(), "frontdesk-web-"));
    await mkdir(path.join(webRoot, "assets"));
    await writeFile(path.join(webRoot, "index.html"), "<!doctype html><title>Frontdesk</title>");
    await writeFile(path.join(webRoot, "assets", "app.js"), "console.info('hi')");
    const config = parseConfig({ PORT: "0", LOG_LEVEL: "silent", MAIL_DIR: path.join(webRoot, "mail") });
    const server = await startServer(config, { databaseUrl: inject("database").appUrl, webRoot });
    url = server.url;
    stop = () => server.stop();
  });
  afterAll(() => stop());

  it("serves the API, health checks, the web app's files, and index.html for client routes", async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect(await (await fetch(`${url}/trpc/auth.me`)).json()).toEqual({ result: { data: null } });
    expect(await (await fetch(`${url}/assets/app.js`)).text()).toContain("hi");
    const page = await fetch(`${url}/book/demo-paris`);
    expect([page.status, page.headers.get("content-type")]).toEqual([200, expect.stringContaining("text/html")]);
    expect(await page.text()).toContain("<title>Frontdesk</title>");
  });

  it("serves the REST API, its OpenAPI document and the browsable reference at /docs, from our origin only", async () => {
    const document = (await (await fetch(`${url}/api/openapi.json`)).json()) as { openapi: string };
    expect(document.openapi).toBe("3.1.0");
    expect((await fetch(`${url}/api/v1/appointments/00000000-0000-4000-8000-000000000000`)).status).toBe(401);
    const page = await fetch(`${url}/docs/`);
    const html = await page.text();
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'; ");
    // Everything it loads comes from this server (offline deployments), and no script is inline.
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.every((source) => source.startsWith("/docs/"))).toBe(true);
    expect(html).not.toMatch(/<script>/);
    for (const source of sources) expect((await fetch(`${url}${source}`)).status, source).toBe(200);
    expect(await (await fetch(`${url}/docs/start.js`)).text()).toContain("/api/openapi.json");
  });

  it("has no /metrics and no detailed readiness without METRICS_TOKEN", async () => {
    expect((await fetch(`${url}/metrics`)).status).toBe(404);
    expect((await fetch(`${url}/readyz?verbose`)).status).toBe(404);
  });

  it("does not answer unknown API paths with the web app", async () => {
    expect((await fetch(`${url}/trpc/no.such.procedure`)).status).toBe(404);
  });
});

describe("startServer behind a TLS-terminating proxy (TRUST_PROXY=on, PUBLIC_URL https)", () => {
  const { db, close } = connectAsApp();
  const inline = "window.__boot = 1;";
  let url: string;
  let stop: () => Promise<void>;
  let slug: string;
  beforeAll(async () => {
    const webRoot = await mkdtemp(path.join(tmpdir(), "frontdesk-web-"));
    await writeFile(path.join(webRoot, "index.html"), `<!doctype html><title>Frontdesk</title><script>${inline}</script>`);
    const clinic = await createTestClinic(db);
    slug = clinic.slug;
    // No filter needed: the clinics policy lets an owner's scope update its own clinic's row only.
    await withTenant(db, { clinicId: clinic.clinicId, userId: null, role: "owner" }, (tx) => tx.update(clinics).set({ embedOrigins: ["https://partner.example"] }));
    const config = parseConfig({ PORT: "0", LOG_LEVEL: "silent", PUBLIC_URL: "https://book.example.test", TRUST_PROXY: "on", MAIL_DIR: path.join(webRoot, "mail") });
    const server = await startServer(config, { databaseUrl: inject("database").appUrl, webRoot });
    url = server.url;
    stop = () => server.stop();
  });
  afterAll(async () => {
    await stop();
    await close();
  });
  const viaProxy = { "X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.20" };

  it("answers pages with a CSP that allows only our scripts (and the inline one's hash), no framing, and HSTS", async () => {
    const page = await fetch(`${url}/app/sign-in`, { headers: viaProxy });
    const csp = page.headers.get("content-security-policy")!;
    const hash = createHash("sha256").update(inline).digest("base64");
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });

  it("lets the sites a clinic allows frame its booking page, and only that page", async () => {
    const booking = await fetch(`${url}/book/${slug}`, { headers: viaProxy });
    expect(booking.headers.get("content-security-policy")).toContain("frame-ancestors 'self' https://partner.example");
    expect(booking.headers.get("x-frame-options")).toBeNull();
    const other = await fetch(`${url}/book/no-such-clinic`, { headers: viaProxy });
    expect(other.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("sets the __Host- Secure cookie over the proxy's https, and sends plain-http requests to https", async () => {
    const signOut = await fetch(`${url}/trpc/auth.signOut`, {
      method: "POST",
      headers: { ...viaProxy, Origin: "https://book.example.test", "Content-Type": "application/json" },
      body: "{}",
    });
    expect(signOut.status).toBe(200);
    expect(signOut.headers.getSetCookie()[0]).toMatch(/^__Host-frontdesk_session=; .*Secure/);
    expect(signOut.headers.get("strict-transport-security")).toMatch(/max-age=/);
    const plain = await fetch(`${url}/app/sign-in?x=1`, { headers: { "X-Forwarded-Proto": "http" }, redirect: "manual" });
    expect([plain.status, plain.headers.get("location")]).toEqual([308, "https://book.example.test/app/sign-in?x=1"]);
  });
});

describe("the production build", () => {
  const dist = fileURLToPath(new URL("../dist-test/node.js", import.meta.url));
  beforeAll(async () => {
    await build({
      ...serverBundle,
      entryPoints: [fileURLToPath(new URL("./node.ts", import.meta.url))],
      outfile: dist,
      logLevel: "error",
    });
  });

  function run(env: Record<string, string>) {
    // Only the given settings: the server must not depend on anything else in the environment.
    const child = spawn(process.execPath, [dist], { env, cwd: path.dirname(dist) });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    return { child, exited, output: () => output };
  }

  it("starts, answers, and exits 0 on SIGTERM", async () => {
    const server = run({ NODE_ENV: "production", PORT: "0", DATABASE_URL: inject("database").appUrl, PUBLIC_URL: "https://book.example.test", LOG_LEVEL: "silent", MASTER_KEY: "YS10ZXN0LW1hc3Rlci1rZXktZm9yLXByb2QtcnVucyE=" });
    for (let i = 0; i < 100 && !/listening on/.test(server.output()); i++) await new Promise((r) => setTimeout(r, 100));
    const base = /listening on (http:\/\/\S+)/.exec(server.output())?.[1];
    expect(base).toBeDefined();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });

  it.each([
    [{ NODE_ENV: "production", PUBLIC_URL: "https://book.example.test" }, "DATABASE_URL"],
    [{ NODE_ENV: "production", DATABASE_URL: "postgres://x@localhost/x" }, "PUBLIC_URL"],
    [{ NODE_ENV: "production", DATABASE_URL: "postgres://x@localhost/x", PUBLIC_URL: "https://book.example.test" }, "MASTER_KEY"],
    [{ MASTER_KEY: "too-short", DATABASE_URL: "postgres://x@localhost/x" }, "MASTER_KEY"],
    [{ PORT: "eighty", DATABASE_URL: "postgres://x@localhost/x" }, "PORT"],
    [{ DATABASE_URL: "mysql://x@localhost/x" }, "DATABASE_URL"],
    [{ PUBLIC_URL: "ftp://files.example", DATABASE_URL: "postgres://x@localhost/x" }, "PUBLIC_URL"],
  ])("refuses to start with %j, naming %s", async (env, name) => {
    const server = run(env);
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain(name);
  });
});
