// The two servers the shared HTTP suite runs against, started the way production runs them: the
// Node server (startServer, as `pnpm start`) and the worker in workerd (as `pnpm edge`). Each
// answers over real HTTP on loopback; the suite sees only its base URL and its mailbox.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseConfig } from "@frontdesk/api";
import postgres from "postgres";
import { startServer } from "../node";
import { startWorkerd } from "../edge/workerd";

export type TargetKind = "node" | "workerd";

export interface Target {
  kind: TargetKind;
  base: string;
  origin: string;
  /** The newest mail to `to` that the server sent (Node) or queued for the job worker (edge). */
  lastMailTo(to: string): Promise<{ subject: string; text: string } | undefined>;
  stop(): Promise<void>;
}

export const ORIGIN = "http://localhost:3000";

/** The settings both get, as an operator would write them in .env. */
function settings(urls: { appUrl: string }) {
  return {
    NODE_ENV: "test",
    PUBLIC_URL: ORIGIN,
    DATABASE_URL: urls.appUrl,
    LOG_LEVEL: "silent",
    RATE_LIMITS: "on",
    // Per address and per e-mail as in production; the address limit is raised because every
    // test here comes from 127.0.0.1.
    RATE_LIMIT_BOOK_PER_IP_PER_HOUR: "1000",
    RATE_LIMIT_SLOTS_PER_IP_PER_MINUTE: "1000",
    RATE_LIMIT_MANAGE_PER_IP_PER_HOUR: "1000",
    RATE_LIMIT_BOOK_PER_EMAIL_PER_HOUR: "5",
    // The queue is left for the suite to read (no worker takes the mail away).
    WORKER: "off",
  };
}

export async function startTarget(kind: TargetKind, urls: { appUrl: string; superUrl: string }): Promise<Target> {
  return kind === "node" ? startNodeTarget(urls) : startEdgeTarget(urls);
}

async function startNodeTarget(urls: { appUrl: string }): Promise<Target> {
  const mailDir = await mkdtemp(path.join(tmpdir(), "frontdesk-suite-mail-"));
  const config = parseConfig({ ...settings(urls), MAIL_DIR: mailDir, PORT: "0" });
  const server = await startServer(config, { databaseUrl: urls.appUrl, webRoot: path.join(mailDir, "no-web-app") });
  return {
    kind: "node",
    base: server.url,
    origin: ORIGIN,
    async lastMailTo(to) {
      const files = (await readdir(mailDir).catch(() => [])).sort();
      for (const file of files.reverse()) {
        const eml = await readFile(path.join(mailDir, file), "utf8");
        if (!eml.includes(`\r\nTo: ${to}\r\n`)) continue;
        const subject = /\r\nSubject: (.*)\r\n/.exec(eml)?.[1] ?? "";
        return { subject, text: eml.slice(eml.indexOf("\r\n\r\n") + 4) };
      }
      return undefined;
    },
    async stop() {
      await server.stop();
      await rm(mailDir, { recursive: true, force: true });
    },
  };
}

async function startEdgeTarget(urls: { appUrl: string; superUrl: string }): Promise<Target> {
  const { DATABASE_URL: _, ...vars } = settings(urls);
  const worker = await startWorkerd({ databaseUrl: urls.appUrl, vars });
  const sql = postgres(urls.superUrl, { max: 1, onnotice: () => undefined });
  return {
    kind: "workerd",
    base: worker.base,
    origin: ORIGIN,
    async lastMailTo(to) {
      const [row] = await sql<{ message: { subject: string; text: string } }[]>`
        select j.payload -> 'message' as message from graphile_worker._private_jobs j
          join graphile_worker._private_tasks t on t.id = j.task_id
         where t.identifier = 'mail.send' and j.payload -> 'message' ->> 'to' = ${to}
         order by j.id desc limit 1`;
      return row?.message;
    },
    async stop() {
      await sql.end();
      await worker.stop();
    },
  };
}
