import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assertSupportedNode, isSupportedNode, SUPPORTED_NODE } from "./node-version";

describe("the supported Node versions", () => {
  it("are 20.19+, 22.12+ and 24, and nothing else", () => {
    for (const ok of ["v20.19.0", "v20.20.1", "v22.12.0", "v24.0.0", "v24.21.0"]) expect(isSupportedNode(ok), ok).toBe(true);
    for (const no of ["v18.20.0", "v20.18.3", "v21.7.0", "v22.11.0", "v23.1.0", "v25.0.0", "v26.1.0", "garbage"]) expect(isSupportedNode(no), no).toBe(false);
  });

  it("stop the start with a message naming them", () => {
    expect(() => assertSupportedNode("v18.20.0")).toThrow(/Node v18.20.0 is not supported.*\^20\.19\.0 \|\| \^22\.12\.0 \|\| \^24\.0\.0/);
    expect(() => assertSupportedNode()).not.toThrow();
  });

  it("include the one this run was asked to test on (CI sets FRONTDESK_TEST_NODE_MAJOR for its Node 24 run)", () => {
    // eslint-disable-next-line no-restricted-properties -- test tooling setting from .ci/run
    const wanted = process.env.FRONTDESK_TEST_NODE_MAJOR;
    if (wanted) expect(process.versions.node.split(".")[0]).toBe(wanted);
    expect(isSupportedNode(process.version)).toBe(true);
  });

  it("are what the package declares in engines", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { engines?: { node?: string } };
    expect(pkg.engines?.node).toBe(SUPPORTED_NODE);
  });
});
