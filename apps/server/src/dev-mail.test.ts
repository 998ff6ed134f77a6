// The development outbox (/dev/mail) over real HTTP on the real server: it lists and shows what the
// file sink wrote, escaped; it is absent (404, not the web app) in production; names that would
// leave the mail folder are refused before anything is read.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseConfig, type Logger } from "@frontdesk/api";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { devMailEnabled } from "./dev-mail";
import { createFileMailer } from "./file-mailer";
import { startServer } from "./node";

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
let root: string;
let mailDir: string;
const stops: Array<() => Promise<void>> = [];

async function serve(env: Record<string, string>) {
  const config = parseConfig({ PORT: "0", LOG_LEVEL: "silent", MAIL_DIR: mailDir, WORKER: "off", ...env });
  const server = await startServer(config, { databaseUrl: inject("database").appUrl, webRoot: root });
  stops.push(() => server.stop());
  return server.url;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "frontdesk-dev-mail-"));
  mailDir = path.join(root, "mail");
  // A web app beside it: a path the outbox does not serve must not fall through to index.html.
  await writeFile(path.join(root, "index.html"), "<!doctype html><title>Frontdesk</title>");
  // Outside the mail folder: must never be shown.
  await writeFile(path.join(root, "secret.eml"), "Subject: outside\r\n\r\nnot for the outbox");
  await mkdir(mailDir);
  const mailer = createFileMailer({ directory: mailDir, from: "Frontdesk <no-reply@frontdesk.test>", logger: silent });
  await mailer.send({ to: "older@example.test", subject: "Older message", text: "first" });
  await mailer.send({
    to: "ana.patient@example.test",
    subject: "Your appointment <b>confirmed</b>",
    text: "See you on Monday.\n<script>alert(1)</script>",
    attachments: [{ filename: "appointment.ics", contentType: "text/calendar", content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR" }],
  });
});
afterAll(async () => {
  for (const stop of stops) await stop();
});

describe("/dev/mail in development with the file sink", () => {
  let url: string;
  beforeAll(async () => {
    url = await serve({ NODE_ENV: "development" });
  });

  it("lists the written messages, newest first, with escaped subjects", async () => {
    const response = await fetch(`${url}/dev/mail`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain("Your appointment &lt;b&gt;confirmed&lt;/b&gt;");
    expect(html).not.toContain("<b>confirmed</b>");
    expect(html).toContain("ana.patient@example.test");
    expect(html.indexOf("confirmed")).toBeLessThan(html.indexOf("Older message"));
  });

  it("shows one message's headers, text part and attachments, escaped", async () => {
    const list = await (await fetch(`${url}/dev/mail`)).text();
    const link = /href="(\/dev\/mail\/[^"]+\.eml)">Your appointment/.exec(list)?.[1];
    expect(link).toBeDefined();
    const response = await fetch(`${url}${link}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Frontdesk&quot; &lt;no-reply@frontdesk.test&gt;");
    expect(html).toContain("See you on Monday.");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toContain("appointment.ics (text/calendar)");
  });

  it("refuses names that leave the mail folder and answers 404 for a missing one", async () => {
    for (const name of ["..%2Fsecret.eml", "%2e%2e%2fsecret.eml", "..%5Csecret.eml", "sub%2F..%2F..%2Fsecret.eml", "%E0%A4%A.eml", "..eml"]) {
      const response = await fetch(`${url}/dev/mail/${name}`);
      expect(response.status, name).toBe(400);
      expect(await response.text(), name).not.toContain("not for the outbox");
    }
    expect((await fetch(`${url}/dev/mail/2020-01-01T00-00-00-000Z-abcdef12.eml`)).status).toBe(404);
    expect((await fetch(`${url}/dev/mail`, { method: "POST" })).status).toBe(405);
  });
});

describe("/dev/mail elsewhere", () => {
  it("is a 404 in production, not the web app", async () => {
    const url = await serve({ NODE_ENV: "production", DATABASE_URL: inject("database").appUrl, PUBLIC_URL: "http://localhost", MASTER_KEY: "YS10ZXN0LW1hc3Rlci1rZXktZm9yLXByb2QtcnVucyE=" });
    for (const pathname of ["/dev/mail", "/dev/mail/", "/dev/mail/anything.eml"]) {
      const response = await fetch(`${url}${pathname}`);
      expect(response.status, pathname).toBe(404);
      expect(await response.text(), pathname).not.toContain("<title>Frontdesk</title>");
    }
  });

  it("is off with SMTP, since nothing is written to the folder then", () => {
    expect(devMailEnabled(parseConfig({ NODE_ENV: "development" }))).toBe(true);
    expect(devMailEnabled(parseConfig({ NODE_ENV: "development", SMTP_URL: "smtp://localhost:2525" }))).toBe(false);
    expect(devMailEnabled(parseConfig({ NODE_ENV: "test" }))).toBe(true);
  });
});
