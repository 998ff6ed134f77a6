import { request as httpRequest } from "node:http";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { parseConfig } from "@frontdesk/api";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startServer } from "./node";
import { chooseEncoding } from "./static-files";

describe("chooseEncoding", () => {
  it.each([
    ["gzip, deflate, br", ["br", "gzip"], "br"],
    ["gzip, deflate", ["br", "gzip"], "gzip"],
    ["br;q=0.5, gzip;q=0.9", ["br", "gzip"], "gzip"],
    ["br;q=0, gzip", ["br", "gzip"], "gzip"],
    ["BR", ["br", "gzip"], "br"],
    ["*", ["br", "gzip"], "br"],
    ["*;q=0", ["br", "gzip"], null],
    ["identity", ["br", "gzip"], null],
    ["br", ["gzip"], null],
    ["gzip;q=nonsense", ["gzip"], null],
    ["", ["br", "gzip"], null],
  ] as const)("Accept-Encoding %j with %j available sends %j", (header, available, expected) => {
    expect(chooseEncoding(header, available)).toBe(expected);
  });
  it("sends the plain file when the header is absent", () => {
    expect(chooseEncoding(null, ["br", "gzip"])).toBeNull();
  });
});

/** node:http, not fetch: fetch would decompress and hide the encoding on the wire. */
function get(url: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the production server's web app files over HTTP", () => {
  const script = `export const greeting = ${JSON.stringify("bonjour ".repeat(200))};\n`;
  const indexHtml = `<!doctype html><title>Frontdesk</title><script type="module" src="/assets/app-Ab12.js"></script>${"<!-- padding -->".repeat(40)}`;
  let url: string;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    const webRoot = await mkdtemp(path.join(tmpdir(), "frontdesk-web-"));
    await mkdir(path.join(webRoot, "assets"));
    // What apps/web/scripts/precompress.ts writes at build time.
    for (const [name, content] of [
      ["index.html", indexHtml],
      ["assets/app-Ab12.js", script],
    ] as const) {
      await writeFile(path.join(webRoot, name), content);
      await writeFile(path.join(webRoot, `${name}.br`), brotliCompressSync(content));
      await writeFile(path.join(webRoot, `${name}.gz`), gzipSync(content));
    }
    await writeFile(path.join(webRoot, "assets", "logo-Cd34.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const config = parseConfig({ PORT: "0", LOG_LEVEL: "silent", MAIL_DIR: path.join(webRoot, "mail") });
    const server = await startServer(config, { databaseUrl: inject("database").appUrl, webRoot });
    url = server.url;
    stop = () => server.stop();
  });
  afterAll(() => stop());

  it("sends a fingerprinted script as brotli to a browser that accepts it, cached for a year and immutable", async () => {
    const res = await get(`${url}/assets/app-Ab12.js`, { "Accept-Encoding": "gzip, deflate, br" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["vary"]).toBe("Accept-Encoding");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(Number(res.headers["content-length"])).toBe(res.body.byteLength);
    expect(res.body.byteLength).toBeLessThan(script.length / 5);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it("sends gzip to a browser without brotli, and the plain file (still varying) to one that accepts neither", async () => {
    const gz = await get(`${url}/assets/app-Ab12.js`, { "Accept-Encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(script);
    const plain = await get(`${url}/assets/app-Ab12.js`);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["vary"]).toBe("Accept-Encoding");
    expect(plain.body.toString()).toBe(script);
    const refused = await get(`${url}/assets/app-Ab12.js`, { "Accept-Encoding": "br;q=0, gzip;q=0" });
    expect(refused.headers["content-encoding"]).toBeUndefined();
  });

  it("serves index.html compressed but never from cache without asking, for / and for client routes", async () => {
    for (const pathname of ["/index.html", "/book/demo-paris", "/app/calendar?day=2026-12-01"]) {
      const res = await get(`${url}${pathname}`, { "Accept-Encoding": "br" });
      expect([pathname, res.status, res.headers["cache-control"], res.headers["content-encoding"]]).toEqual([pathname, 200, "no-cache", "br"]);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
      expect(brotliDecompressSync(res.body).toString()).toBe(indexHtml);
    }
  });

  it("answers a revalidation of an unchanged file with 304 and no body", async () => {
    const first = await get(`${url}/book/demo-paris`);
    const etag = first.headers["etag"] as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await get(`${url}/book/demo-paris`, { "If-None-Match": etag });
    expect([again.status, again.body.byteLength, again.headers["cache-control"]]).toEqual([304, 0, "no-cache"]);
    const changed = await get(`${url}/book/demo-paris`, { "If-None-Match": '"something-else"' });
    expect(changed.status).toBe(200);
  });

  it("answers HEAD with the headers and no body", async () => {
    const res = await get(`${url}/assets/app-Ab12.js`, { "Accept-Encoding": "gzip" }, "HEAD");
    expect([res.status, res.headers["content-encoding"], res.body.byteLength]).toEqual([200, "gzip", 0]);
    expect(Number(res.headers["content-length"])).toBeGreaterThan(0);
  });

  it("sends images as they are (no encoding, no Vary), still immutable", async () => {
    const res = await get(`${url}/assets/logo-Cd34.png`, { "Accept-Encoding": "br, gzip" });
    expect([res.headers["content-type"], res.headers["content-encoding"], res.headers["vary"]]).toEqual(["image/png", undefined, undefined]);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("answers a missing fingerprinted file (last deploy's chunk) with 404, not the app, and refuses paths outside the build", async () => {
    expect((await get(`${url}/assets/app-Old1.js`)).status).toBe(404);
    const escape = await get(`${url}/assets/../../etc/passwd`);
    expect(escape.body.toString()).not.toContain("root:");
    const encoded = await get(`${url}/%2e%2e/%2e%2e/etc/passwd`);
    expect(encoded.body.toString()).not.toContain("root:");
  });
});
