import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { missingNodeModules } from "./node-imports";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = await mkdtemp(path.join(tmpdir(), "frontdesk-bundle-"));
afterAll(() => rm(out, { recursive: true, force: true }));

describe("the worker's Node built-ins", () => {
  it("are all ones workerd implements", async () => {
    expect(await missingNodeModules(path.join(here, "../worker.ts"), path.join(out, "worker.js"))).toEqual([]);
  });

  it("are checked: a worker importing node:fs is caught", async () => {
    expect(await missingNodeModules(path.join(here, "fixtures/uses-fs.ts"), path.join(out, "fs.js"))).toEqual(["node:fs"]);
  });
});
