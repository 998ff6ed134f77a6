// The development outbox: /dev/mail lists the .eml files the file sink wrote to MAIL_DIR (newest
// first) and /dev/mail/<file> shows one message's headers and text. Only outside production and only
// with the file sink (no SMTP_URL); otherwise these paths answer 404. Plain server-rendered HTML, every
// value escaped, no script; nothing about a message is logged.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "@frontdesk/api";
import { escapeHtml } from "@frontdesk/domain";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";

const PREFIX = "/dev/mail";
/** The names the file sink writes (file-mailer.ts): no separator, no "..", so never outside MAIL_DIR. */
const MESSAGE_FILE = /^[\w-]+(\.[\w-]+)*\.eml$/;
/** Enough for a development session; parsing every old file would make the page slow. */
const LISTED = 200;

const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

export const isDevMailPath = (pathname: string) => pathname === PREFIX || pathname.startsWith(`${PREFIX}/`);

export const devMailEnabled = (config: Config) => config.NODE_ENV !== "production" && !config.SMTP_URL;

const addresses = (value: AddressObject | AddressObject[] | undefined) => (Array.isArray(value) ? value.map((a) => a.text).join(", ") : (value?.text ?? ""));

function page(title: string, body: string, status = 200): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}pre{white-space:pre-wrap;background:#f5f5f5;padding:1rem}</style>
</head><body>${body}</body></html>`;
  return new Response(html, { status, headers: HEADERS });
}

const notFound = (message: string, status = 404) => page("Not found", `<h1>${escapeHtml(message)}</h1><p><a href="${PREFIX}">Back to the outbox</a></p>`, status);

async function parseFile(directory: string, name: string): Promise<ParsedMail> {
  return simpleParser(await readFile(path.join(directory, name)));
}

async function list(directory: string): Promise<Response> {
  const names = (await readdir(directory).catch(() => [] as string[]))
    .filter((name) => MESSAGE_FILE.test(name))
    .sort()
    .reverse()
    .slice(0, LISTED);
  const rows = await Promise.all(
    names.map(async (name) => {
      const mail = await parseFile(directory, name).catch(() => undefined);
      const when = mail?.date?.toISOString() ?? "";
      return `<tr><td>${escapeHtml(when)}</td><td>${escapeHtml(addresses(mail?.to))}</td><td><a href="${PREFIX}/${encodeURIComponent(name)}">${escapeHtml(mail?.subject ?? name)}</a></td></tr>`;
    }),
  );
  const body =
    rows.length === 0
      ? "<p>No messages yet.</p>"
      : `<table><thead><tr><th scope="col">Date</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
  return page("Outbox", `<h1>Outbox</h1><p>Messages written to the mail folder, newest first (development only).</p>${body}`);
}

async function show(directory: string, name: string): Promise<Response> {
  const mail = await parseFile(directory, name).catch(() => undefined);
  if (!mail) return notFound("No such message");
  const headers: Array<[string, string]> = [
    ["From", addresses(mail.from)],
    ["To", addresses(mail.to)],
    ["Subject", mail.subject ?? ""],
    ["Date", mail.date?.toISOString() ?? ""],
  ];
  const attachments = mail.attachments.map((a) => `<li>${escapeHtml(a.filename ?? "(unnamed)")} (${escapeHtml(a.contentType)})</li>`).join("");
  return page(
    mail.subject ?? name,
    `<p><a href="${PREFIX}">Back to the outbox</a></p><h1>${escapeHtml(mail.subject ?? name)}</h1>
<table><tbody>${headers.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${escapeHtml(v)}</td></tr>`).join("")}</tbody></table>
<pre>${escapeHtml(mail.text ?? "")}</pre>${attachments ? `<h2>Attachments</h2><ul>${attachments}</ul>` : ""}`,
  );
}

/** The outbox's handler for paths under /dev/mail (see isDevMailPath). */
export function createDevMail(options: { directory: string }) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== "GET" && request.method !== "HEAD") return new Response(null, { status: 405, headers: { allow: "GET, HEAD" } });
    const pathname = new URL(request.url).pathname;
    if (pathname === PREFIX || pathname === `${PREFIX}/`) return list(options.directory);
    let name: string;
    try {
      name = decodeURIComponent(pathname.slice(PREFIX.length + 1));
    } catch {
      return notFound("Not a message file name", 400);
    }
    // Only a bare file name of the sink's shape: "../", "/" or anything else never reaches the disk.
    if (!MESSAGE_FILE.test(name)) return notFound("Not a message file name", 400);
    return show(options.directory, name);
  };
}
