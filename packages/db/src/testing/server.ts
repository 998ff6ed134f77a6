// A throwaway PostgreSQL for test runs: its own folder, a free port, tuned for speed over durability.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, provisionDatabase, startServer, stopServer, type LocalServer, type LocalUrls } from "../local/postgres";

export interface TestServer {
  server: LocalServer;
  urls: LocalUrls;
  stop: () => Promise<void>;
  /** Stops PostgreSQL (fast shutdown: sessions are terminated) and keeps its data, for outage tests. */
  pause: () => Promise<void>;
  /** Starts it again on the same port with the same settings; resolves once it accepts connections. */
  resume: () => Promise<void>;
}

/**
 * FRONTDESK_TEST_POSTGRES_BIN runs the suite on another PostgreSQL build, e.g. Debian's 15
 * (`pnpm test:pg15`), to prove the migrations and rules hold on the oldest supported major.
 */
// eslint-disable-next-line no-restricted-properties -- test tooling setting, read once here
const otherBuild = process.env.FRONTDESK_TEST_POSTGRES_BIN || undefined;

/** `settings` adds to or overrides the server's configuration (e.g. a benchmark's statistics). */
export async function startTestServer(settings: Record<string, string> = {}): Promise<TestServer> {
  const root = await mkdtemp(path.join(tmpdir(), "frontdesk-test-"));
  await chmod(root, 0o755);
  const server: LocalServer = {
    dataDir: path.join(root, "pgdata"),
    port: await freePort(),
    password: "frontdesk-test",
    ...(otherBuild ? { binDir: otherBuild } : {}),
  };
  const all = {
    fsync: "off",
    synchronous_commit: "off",
    full_page_writes: "off",
    max_connections: "200",
    ...settings,
  };
  await startServer(server, all);
  const urls = await provisionDatabase(server);
  return {
    server,
    urls,
    stop: async () => {
      await stopServer(server);
      await rm(root, { recursive: true, force: true });
    },
    pause: () => stopServer(server),
    resume: () => startServer(server, all),
  };
}
