// The shared black-box HTTP suite (http-suite/suite.ts) against the Node server and against the
// worker in workerd, on one fresh database.
import { createFreshDatabase } from "@frontdesk/db/testing";
import type { LocalUrls } from "@frontdesk/db/local";
import { beforeAll } from "vitest";
import { httpSuite } from "./http-suite/suite";

let urls: LocalUrls;
beforeAll(async () => {
  const fresh = await createFreshDatabase("http_suite");
  // The bootstrap superuser, in the fresh database (it names "postgres"): to arrange and count.
  const superUrl = new URL(fresh.superUrl);
  superUrl.pathname = new URL(fresh.appUrl).pathname;
  urls = { ...fresh, superUrl: superUrl.toString() };
}, 60_000);

httpSuite("node", () => urls);
httpSuite("workerd", () => urls);
