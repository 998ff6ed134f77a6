import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "./csrf";

const publicOrigin = "https://clinic.example.com";

const request = (method: string, headers: Record<string, string> = {}) =>
  new Request("https://clinic.example.com/trpc/auth.signIn", { method, headers });

describe("isCrossSiteRequest", () => {
  it.each(["GET", "HEAD", "OPTIONS", "get"])("lets the safe method %s through without headers", (method) => {
    expect(isCrossSiteRequest(request(method), publicOrigin)).toBe(false);
  });

  it.each(["POST", "PUT", "PATCH", "DELETE", "patch", "PROPFIND"])("accepts %s with our Origin", (method) => {
    expect(isCrossSiteRequest(request(method, { origin: publicOrigin }), publicOrigin)).toBe(false);
  });

  it("accepts Sec-Fetch-Site: same-origin without Origin", () => {
    expect(isCrossSiteRequest(request("POST", { "sec-fetch-site": "same-origin" }), publicOrigin)).toBe(false);
  });

  it("compares with the origin of the configured URL (path and trailing slash ignored)", () => {
    expect(isCrossSiteRequest(request("POST", { origin: publicOrigin }), `${publicOrigin}/`)).toBe(false);
    expect(isCrossSiteRequest(request("POST", { origin: publicOrigin }), `${publicOrigin}/app`)).toBe(false);
    expect(isCrossSiteRequest(request("POST", { origin: "https://clinic.example.com" }), "https://clinic.example.com:443")).toBe(false);
  });

  it.each([
    ["no Origin and no Sec-Fetch-Site", {}],
    ["another site's Origin", { origin: "https://evil.example" }],
    ["a sibling subdomain's Origin", { origin: "https://evil.example.com" }],
    ["our host over plain HTTP", { origin: "http://clinic.example.com" }],
    ["our host on another port", { origin: "https://clinic.example.com:8443" }],
    ["a look-alike suffix", { origin: "https://clinic.example.com.evil.example" }],
    ["Origin: null (sandboxed frame, data: URL)", { origin: "null" }],
    ["an Origin with a path", { origin: `${publicOrigin}/` }],
    ["an empty Origin", { origin: "" }],
    ["Sec-Fetch-Site: same-site", { "sec-fetch-site": "same-site" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: none", { "sec-fetch-site": "none" }],
    ["another site's Origin with Sec-Fetch-Site: cross-site", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
  ])("forbids a POST with %s", (_label, headers) => {
    expect(isCrossSiteRequest(request("POST", headers), publicOrigin)).toBe(true);
  });

  it("forbids state changes by any unsafe method without proof", () => {
    for (const method of ["PUT", "PATCH", "DELETE"]) expect(isCrossSiteRequest(request(method), publicOrigin)).toBe(true);
  });
});
