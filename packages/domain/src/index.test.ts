import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("@frontdesk/domain", () => {
  it("depends on nothing of ours at run time, so the browser can ship it", () => {
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      dependencies?: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies ?? {}).filter((name) => name.startsWith("@frontdesk/"))).toEqual([]);
  });
});
